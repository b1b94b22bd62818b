package org.layerlab.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.AvgPool2D;
import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Dropout;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.Gru;
import org.layerlab.core.stack.LayerVisitor;
import org.layerlab.core.stack.Lstm;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.LayerWeights;

/**
 * Each LayerLab layer as Keras layers (usually one, named {@code layer_N}), with its trained weights
 * turned from PyTorch's layouts into Keras': Dense and recurrent kernels transposed, convolution kernels
 * as (height, width, in, out), LSTM biases summed, GRU gates reordered from (reset, update, new) to
 * (update, reset, new). Images run channels last, as Keras' image layers expect, and are put back in
 * (channels, height, width) order before Flatten so that the Dense weights after it stay the same.
 */
final class KerasLayers implements LayerVisitor<List<String>> {
    /** PyTorch's GRU gate blocks are (reset, update, new); Keras' are (update, reset, new). */
    private static final int[] GRU_GATES = {1, 0, 2};

    /** One array set into a Keras layer, in the order {@code set_weights} takes them. */
    record Array(String key, int[] shape, float[] values) {}

    /** The arrays of one Keras layer, by layer name. */
    record LayerArrays(String layer, String title, List<Array> arrays) {}

    private final PyTorchStack stack;
    private final List<LayerArrays> weights = new ArrayList<>();
    private int index;
    private String name;
    private TensorShape input;

    KerasLayers(PyTorchStack stack) {
        this.stack = stack;
    }

    /** The Keras layer expressions of layer {@code i}, after checking it has the weights it needs. */
    List<String> layers(int i) throws ExportException {
        index = i;
        name = "layer_" + (i + 1);
        input = stack.input(i);
        stack.requireWeights(i, PyTorchModules.parameters(stack, i));
        return stack.layers().get(i).accept(this);
    }

    /** Every layer's trained arrays in Keras layouts, in stack order. */
    List<LayerArrays> weights() {
        return weights;
    }

    private String named() {
        return "name=\"" + name + "\"";
    }

    private LayerWeights weight(String parameter) {
        return stack.checked(index, parameter);
    }

    private void set(Array... arrays) {
        weights.add(new LayerArrays(name, stack.title(index), List.of(arrays)));
    }

    private Array array(String parameter, int[] shape, float[] values) {
        return new Array(name + "/" + parameter, shape, values);
    }

    @Override
    public List<String> visit(Dense layer) {
        LayerWeights w = weight("weight");
        int out = w.shape()[0];
        int in = w.shape()[1];
        Array kernel = array("kernel", new int[] {in, out}, transpose(w.values(), out, in));
        if (layer.bias()) {
            LayerWeights b = weight("bias");
            set(kernel, array("bias", b.shape(), b.values()));
        } else {
            set(kernel);
        }
        return List.of(
                "layers.Dense(" + layer.units() + (layer.bias() ? "" : ", use_bias=False") + ", " + named() + ")");
    }

    /** Padding is its own layer: Keras' padding="same" pads unevenly at stride 2, LayerLab pads evenly. */
    @Override
    public List<String> visit(Conv2D layer) {
        LayerWeights w = weight("weight");
        int[] s = w.shape(); // (out, in, kh, kw)
        float[] kernel = new float[w.size()];
        for (int o = 0; o < s[0]; o++) {
            for (int i = 0; i < s[1]; i++) {
                for (int y = 0; y < s[2]; y++) {
                    for (int x = 0; x < s[3]; x++) {
                        kernel[((y * s[3] + x) * s[1] + i) * s[0] + o] =
                                w.values()[((o * s[1] + i) * s[2] + y) * s[3] + x];
                    }
                }
            }
        }
        LayerWeights b = weight("bias");
        set(array("kernel", new int[] {s[2], s[3], s[1], s[0]}, kernel), array("bias", b.shape(), b.values()));
        List<String> layers = new ArrayList<>();
        int pad = layer.paddingPixels();
        if (pad > 0) {
            layers.add("layers.ZeroPadding2D(" + pad + ", name=\"" + name + "_padding\")");
        }
        layers.add("layers.Conv2D(" + layer.filters() + ", " + layer.kernel() + ", strides=" + layer.stride() + ", "
                + named() + ")");
        return layers;
    }

    @Override
    public List<String> visit(MaxPool2D layer) {
        return List.of("layers.MaxPooling2D(" + layer.size() + ", strides=" + layer.stride() + ", " + named() + ")");
    }

    @Override
    public List<String> visit(AvgPool2D layer) {
        return List.of(
                "layers.AveragePooling2D(" + layer.size() + ", strides=" + layer.stride() + ", " + named() + ")");
    }

    /** Images go back to (channels, height, width) first, the order LayerLab flattens them in. */
    @Override
    public List<String> visit(Flatten layer) {
        if (input.rank() == 3) {
            return List.of(
                    "layers.Permute((3, 1, 2), name=\"" + name + "_channels_first\")",
                    "layers.Flatten(" + named() + ")");
        }
        return List.of("layers.Flatten(" + named() + ")");
    }

    @Override
    public List<String> visit(Dropout layer) {
        return List.of("layers.Dropout(" + PyTorchStack.number(layer.rate()) + ", " + named() + ")");
    }

    /** The feature axis is the last one: channels of channels-last images, features of vectors and sequences. */
    @Override
    public List<String> visit(BatchNorm layer) {
        set(
                array("gamma", weight("weight").shape(), weight("weight").values()),
                array("beta", weight("bias").shape(), weight("bias").values()),
                array(
                        "moving_mean",
                        weight("running_mean").shape(),
                        weight("running_mean").values()),
                array(
                        "moving_variance",
                        weight("running_var").shape(),
                        weight("running_var").values()));
        return List.of("layers.BatchNormalization(axis=-1, momentum=0.9, epsilon=1e-05, " + named() + ")");
    }

    @Override
    public List<String> visit(Activation layer) {
        return List.of(
                switch (layer.function()) {
                    case RELU -> "layers.ReLU(" + named() + ")";
                    case LEAKY_RELU -> "layers.LeakyReLU(0.01, " + named() + ")";
                    case SIGMOID -> "layers.Activation(\"sigmoid\", " + named() + ")";
                    case TANH -> "layers.Activation(\"tanh\", " + named() + ")";
                    // LayerLab's softmax runs over the last axis; of a channels-last image that is the width.
                    case SOFTMAX -> "layers.Softmax(axis=" + (input.rank() == 3 ? "2" : "-1") + ", " + named() + ")";
                });
    }

    @Override
    public List<String> visit(Embedding layer) {
        LayerWeights w = weight("weight");
        set(array("embeddings", w.shape(), w.values()));
        return List.of("layers.Embedding(" + layer.vocabulary() + ", " + layer.dimension() + ", " + named() + ")");
    }

    /** Keras' LSTM gates are (input, forget, cell, output) like PyTorch's; it has one bias, the sum of both. */
    @Override
    public List<String> visit(Lstm layer) {
        LayerWeights ih = weight("weight_ih_l0");
        LayerWeights hh = weight("weight_hh_l0");
        float[] bih = weight("bias_ih_l0").values();
        float[] bhh = weight("bias_hh_l0").values();
        float[] bias = new float[bih.length];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = bih[i] + bhh[i];
        }
        set(
                array(
                        "kernel",
                        new int[] {ih.shape()[1], ih.shape()[0]},
                        transpose(ih.values(), ih.shape()[0], ih.shape()[1])),
                array(
                        "recurrent_kernel",
                        new int[] {hh.shape()[1], hh.shape()[0]},
                        transpose(hh.values(), hh.shape()[0], hh.shape()[1])),
                array("bias", new int[] {bias.length}, bias));
        return List.of(recurrent("LSTM", layer.units(), layer.returnSequences(), ""));
    }

    /** Keras' GRU with reset_after=True computes what PyTorch's does, with its gate blocks in another order. */
    @Override
    public List<String> visit(Gru layer) {
        LayerWeights ih = weight("weight_ih_l0");
        LayerWeights hh = weight("weight_hh_l0");
        float[] bih = reorder(weight("bias_ih_l0").values(), GRU_GATES);
        float[] bhh = reorder(weight("bias_hh_l0").values(), GRU_GATES);
        float[] bias = new float[bih.length * 2];
        System.arraycopy(bih, 0, bias, 0, bih.length);
        System.arraycopy(bhh, 0, bias, bih.length, bhh.length);
        set(
                array(
                        "kernel",
                        new int[] {ih.shape()[1], ih.shape()[0]},
                        transpose(reorder(ih.values(), GRU_GATES), ih.shape()[0], ih.shape()[1])),
                array(
                        "recurrent_kernel",
                        new int[] {hh.shape()[1], hh.shape()[0]},
                        transpose(reorder(hh.values(), GRU_GATES), hh.shape()[0], hh.shape()[1])),
                array("bias", new int[] {2, bih.length}, bias));
        return List.of(recurrent("GRU", layer.units(), layer.returnSequences(), ", reset_after=True"));
    }

    private String recurrent(String kind, int units, boolean sequences, String extra) {
        return String.format(
                Locale.ROOT,
                "layers.%s(%d, return_sequences=%s, recurrent_activation=\"sigmoid\"%s, %s)",
                kind,
                units,
                sequences ? "True" : "False",
                extra,
                named());
    }

    /** A (rows, cols) matrix in C order as (cols, rows). */
    static float[] transpose(float[] values, int rows, int cols) {
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return out;
    }

    /** The gate blocks (equal runs of rows) of a parameter in a new order. */
    static float[] reorder(float[] values, int[] gates) {
        int block = values.length / gates.length;
        float[] out = new float[values.length];
        for (int g = 0; g < gates.length; g++) {
            System.arraycopy(values, gates[g] * block, out, g * block, block);
        }
        return out;
    }
}
