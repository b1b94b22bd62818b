package org.layerlab.core.stack;

import java.util.List;

/** Keeps the maximum of each size×size window. */
public record MaxPool2D(int size, int stride) implements Layer {
    public static final MaxPool2D DEFAULT = new MaxPool2D(2, 2);
    static final LayerSpec<MaxPool2D> SPEC = new LayerSpec<>(
            MaxPool2D.class,
            DEFAULT,
            Pooling.settings(MaxPool2D::size, MaxPool2D::stride),
            v -> new MaxPool2D(v.wholeNumber("size"), v.wholeNumber("stride")),
            l -> "MaxPool2D(" + Pooling.window(l.size(), l.stride()) + ")",
            Pooling.STRIDE_FOLLOWS_SIZE);

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
