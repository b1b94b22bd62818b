package org.layerlab.core.stack;

import java.util.List;

/** A gated recurrent unit layer; without {@code returnSequences} it outputs its last step only. */
public record Gru(int units, boolean returnSequences) implements Layer {
    public static final Gru DEFAULT = new Gru(64, false);
    static final LayerSpec<Gru> SPEC = new LayerSpec<>(
            Gru.class,
            DEFAULT,
            Recurrent.settings(Gru::units, Gru::returnSequences),
            v -> new Gru(v.wholeNumber("units"), v.yesNo("return_sequences")),
            l -> "GRU(" + l.units() + (l.returnSequences() ? ", sequences" : "") + ")");

    @Override
    public LayerKind kind() {
        return LayerKind.GRU;
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
