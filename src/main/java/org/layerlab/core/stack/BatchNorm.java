package org.layerlab.core.stack;

/** Batch normalisation over the channel axis of images, or the feature axis of vectors and sequences. */
public record BatchNorm() implements Layer {
    @Override
    public LayerKind kind() {
        return LayerKind.BATCH_NORM;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
