package org.layerlab.core.stack;

import java.util.List;
import java.util.Locale;

/** A 2-D convolution with square kernels. */
public record Conv2D(int filters, int kernel, int stride, Padding padding) implements Layer {
    public static final Conv2D DEFAULT = new Conv2D(32, 3, 1, Padding.VALID);
    static final LayerSpec<Conv2D> SPEC = new LayerSpec<>(
            Conv2D.class,
            DEFAULT,
            List.of(
                    SettingSpec.wholeNumber(
                            "filters", "How many patterns to learn (output channels).", Conv2D::filters),
                    SettingSpec.wholeNumber("kernel", "Width and height of each filter, in pixels.", Conv2D::kernel),
                    SettingSpec.wholeNumber("stride", "How far the filter moves each step.", Conv2D::stride),
                    SettingSpec.choice(
                            "padding",
                            "valid: no border; same: pad so that stride 1 keeps the size.",
                            List.of("valid", "same"),
                            l -> l.padding().name().toLowerCase(Locale.ROOT))),
            v -> new Conv2D(
                    v.wholeNumber("filters"),
                    v.wholeNumber("kernel"),
                    v.wholeNumber("stride"),
                    Padding.valueOf(v.choice("padding").toUpperCase(Locale.ROOT))),
            l -> "Conv2D(" + l.filters() + ", " + l.kernel() + "×" + l.kernel()
                    + (l.stride() == 1 ? "" : ", stride " + l.stride())
                    + (l.padding() == Padding.SAME ? ", same" : "") + ")");

    public Conv2D(int filters, int kernel) {
        this(filters, kernel, 1, Padding.VALID);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.CONV2D;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visit(this);
    }

    /** Pixels added on each side; SAME uses an odd kernel, so (kernel - 1) / 2 keeps the size at stride 1. */
    public int paddingPixels() {
        return padding == Padding.SAME ? (kernel - 1) / 2 : 0;
    }

    @Override
    public List<String> settingProblems() {
        return new Settings()
                .positive("filters", filters)
                .positive("kernel", kernel)
                .positive("stride", stride)
                .check(padding != null, "padding must be 'valid' or 'same'")
                .check(
                        padding != Padding.SAME || kernel % 2 == 1,
                        "padding 'same' needs an odd kernel (such as 3 or 5) but the kernel is " + kernel)
                .problems();
    }
}
