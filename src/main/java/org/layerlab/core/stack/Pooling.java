package org.layerlab.core.stack;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What max and average pooling share: a square window and a stride that, unless set, follows the window. */
final class Pooling {
    static final Map<String, String> STRIDE_FOLLOWS_SIZE = Map.of("stride", "size");

    private Pooling() {}

    static <L extends Layer> List<SettingSpec<L>> settings(Function<L, Integer> size, Function<L, Integer> stride) {
        return List.of(
                SettingSpec.wholeNumber("size", "Width and height of each window.", size),
                SettingSpec.wholeNumber("stride", "How far the window moves each step (usually the size).", stride));
    }

    static String window(int size, int stride) {
        return size + "×" + size + (stride == size ? "" : ", stride " + stride);
    }
}
