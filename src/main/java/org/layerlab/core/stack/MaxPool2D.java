package org.layerlab.core.stack;

import java.util.List;

/** Keeps the maximum of each size×size window. */
public record MaxPool2D(int size, int stride) implements Layer {
    public static final MaxPool2D DEFAULT = new MaxPool2D(2, 2);

    public MaxPool2D(int size) {
        this(size, size);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.MAX_POOL2D;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public List<String> settingProblems() {
        return new Settings().positive("size", size).positive("stride", stride).problems();
    }
}
