package org.layerlab.core.stack;

import java.util.List;

/** A long short-term memory layer; without {@code returnSequences} it outputs its last step only. */
public record Lstm(int units, boolean returnSequences) implements Layer {
    public static final Lstm DEFAULT = new Lstm(64, false);
    static final LayerSpec<Lstm> SPEC = new LayerSpec<>(
            Lstm.class,
            DEFAULT,
            Recurrent.settings(Lstm::units, Lstm::returnSequences),
            v -> new Lstm(v.wholeNumber("units"), v.yesNo("return_sequences")),
            l -> "LSTM(" + l.units() + (l.returnSequences() ? ", sequences" : "") + ")");

    @Override
    public LayerKind kind() {
        return LayerKind.LSTM;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public List<String> settingProblems() {
        return new Settings().positive("units", units).problems();
    }
}
