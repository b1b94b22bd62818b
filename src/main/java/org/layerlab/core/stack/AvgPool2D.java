package org.layerlab.core.stack;

import java.util.List;

/** Averages each size×size window. */
public record AvgPool2D(int size, int stride) implements Layer {
    public static final AvgPool2D DEFAULT = new AvgPool2D(2, 2);
    static final LayerSpec<AvgPool2D> SPEC = new LayerSpec<>(
            AvgPool2D.class,
            DEFAULT,
            Pooling.settings(AvgPool2D::size, AvgPool2D::stride),
            v -> new AvgPool2D(v.wholeNumber("size"), v.wholeNumber("stride")),
            l -> "AvgPool2D(" + Pooling.window(l.size(), l.stride()) + ")",
            Pooling.STRIDE_FOLLOWS_SIZE);

    public AvgPool2D(int size) {
        this(size, size);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.AVG_POOL2D;
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
