package org.layerlab.core.stack;

import java.util.List;

/** Batch normalisation over the channel axis of images, or the feature axis of vectors and sequences. */
public record BatchNorm() implements Layer {
    public static final BatchNorm DEFAULT = new BatchNorm();
    static final LayerSpec<BatchNorm> SPEC =
            new LayerSpec<>(BatchNorm.class, DEFAULT, List.of(), v -> new BatchNorm(), l -> "BatchNorm");

    @Override
    public LayerKind kind() {
        return LayerKind.BATCH_NORM;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
