package org.layerlab.core.training;

/**
 * What one layer of the stack ({@code layer} counts from 0) gives for one sample: its output without the
 * batch axis, e.g. (32, 26, 26) for 32 feature maps of 26 × 26, values in C order.
 */
public record LayerOutput(int layer, int[] shape, float[] values) {

    public int size() {
        return values.length;
    }
}
