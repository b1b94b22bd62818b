package org.layerlab.core.stack;

import java.util.List;

/** A long short-term memory layer; without {@code returnSequences} it outputs its last step only. */
public record Lstm(int units, boolean returnSequences) implements Layer {
    public static final Lstm DEFAULT = new Lstm(64, false);

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
