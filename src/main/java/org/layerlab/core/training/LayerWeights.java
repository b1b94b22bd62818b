package org.layerlab.core.training;

/**
 * The trained values of one parameter of one layer ({@code layer} counts the stack's layers from 0),
 * named and laid out as PyTorch names and lays out the same module's parameters: "weight" and "bias";
 * BatchNorm's "running_mean" and "running_var"; an LSTM's or GRU's "weight_ih_l0", "weight_hh_l0",
 * "bias_ih_l0" and "bias_hh_l0" with PyTorch's gate order. Values are in C order.
 */
public record LayerWeights(int layer, String name, int[] shape, float[] values) {

    public int size() {
        return values.length;
    }
}
