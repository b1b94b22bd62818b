package org.layerlab.core.stack;

import java.util.List;

/** Lays the values of one sample out as a vector. */
public record Flatten() implements Layer {
    public static final Flatten DEFAULT = new Flatten();
    static final LayerSpec<Flatten> SPEC =
            new LayerSpec<>(Flatten.class, DEFAULT, List.of(), v -> new Flatten(), l -> "Flatten");

    @Override
    public LayerKind kind() {
        return LayerKind.FLATTEN;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
