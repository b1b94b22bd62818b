package org.layerlab.core.stack;

/** Lays the values of one sample out as a vector. */
public record Flatten() implements Layer {
    @Override
    public LayerKind kind() {
        return LayerKind.FLATTEN;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
