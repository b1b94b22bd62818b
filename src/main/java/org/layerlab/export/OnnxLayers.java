package org.layerlab.export;

import static org.layerlab.export.OnnxGraph.inputs;
import static org.layerlab.export.OnnxGraph.integer;
import static org.layerlab.export.OnnxGraph.integers;
import static org.layerlab.export.OnnxGraph.real;

import java.util.Map;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.AvgPool2D;
import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Dropout;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.Gru;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerVisitor;
import org.layerlab.core.stack.Lstm;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.training.LayerWeights;

/**
 * One stack layer as ONNX nodes, reading from tensor {@code x} of one sample's rank {@code rank} (the
 * batch axis comes on top). Weights arrive in PyTorch's layout; recurrent gates are reordered to ONNX's.
 */
final class OnnxLayers implements LayerVisitor<String> {
    /** PyTorch's LSTM gates are (input, forget, cell, output); ONNX's are (input, output, forget, cell). */
    private static final int[] LSTM_GATES = {0, 3, 1, 2};
    /** PyTorch's GRU gates are (reset, update, new); ONNX's are (update, reset, hidden). */
    private static final int[] GRU_GATES = {1, 0, 2};

    private final OnnxGraph graph;
    private final Map<String, LayerWeights> weights;
    private final int rank;
    private String x;

    OnnxLayers(OnnxGraph graph, Map<String, LayerWeights> weights, int rank) {
        this.graph = graph;
        this.weights = weights;
        this.rank = rank;
    }

    String add(Layer layer, String input, String name) {
        x = input;
        return layer.accept(this);
    }

    private String constant(String name) {
        LayerWeights w = weights.get(name);
        return graph.floats(name, w.shape(), w.values());
    }

    @Override
    public String visit(Dense layer) {
        LayerWeights w = weights.get("weight");
        if (rank == 1) {
            return layer.bias()
                    ? graph.node("Gemm", inputs(x, constant("weight"), constant("bias")), integer("transB", 1))
                    : graph.node("Gemm", inputs(x, constant("weight")), integer("transB", 1));
        }
        // On a sequence (batch, steps, features) a Dense layer acts on the last axis.
        int out = w.shape()[0];
        int in = w.shape()[1];
        float[] transposed = new float[out * in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                transposed[i * out + o] = w.values()[o * in + i];
            }
        }
        String product = graph.node("MatMul", inputs(x, graph.floats("weight_t", new int[] {in, out}, transposed)));
        return layer.bias() ? graph.node("Add", inputs(product, constant("bias"))) : product;
    }

    @Override
    public String visit(Conv2D layer) {
        int pad = layer.paddingPixels();
        return graph.node(
                "Conv",
                inputs(x, constant("weight"), constant("bias")),
                integers("kernel_shape", layer.kernel(), layer.kernel()),
                integers("strides", layer.stride(), layer.stride()),
                integers("pads", pad, pad, pad, pad));
    }

    @Override
    public String visit(MaxPool2D layer) {
        return graph.node(
                "MaxPool",
                inputs(x),
                integers("kernel_shape", layer.size(), layer.size()),
                integers("strides", layer.stride(), layer.stride()));
    }

    @Override
    public String visit(AvgPool2D layer) {
        return graph.node(
                "AveragePool",
                inputs(x),
                integers("kernel_shape", layer.size(), layer.size()),
                integers("strides", layer.stride(), layer.stride()),
                integer("count_include_pad", 1));
    }

    @Override
    public String visit(Flatten layer) {
        return graph.node("Flatten", inputs(x), integer("axis", 1));
    }

    @Override
    public String visit(Dropout layer) {
        return x; // only active while training
    }

    /** Images normalise channels (axis 1), vectors their features, sequences their last axis. */
    @Override
    public String visit(BatchNorm layer) {
        boolean sequence = rank == 2;
        String in = sequence ? graph.node("Transpose", inputs(x), integers("perm", 0, 2, 1)) : x;
        String normalised = graph.node(
                "BatchNormalization",
                inputs(in, constant("weight"), constant("bias"), constant("running_mean"), constant("running_var")),
                real("epsilon", 1e-5f));
        return sequence ? graph.node("Transpose", inputs(normalised), integers("perm", 0, 2, 1)) : normalised;
    }

    @Override
    public String visit(Activation layer) {
        return switch (layer.function()) {
            case RELU -> graph.node("Relu", inputs(x));
            case LEAKY_RELU -> graph.node("LeakyRelu", inputs(x), real("alpha", 0.01f));
            case SIGMOID -> graph.node("Sigmoid", inputs(x));
            case TANH -> graph.node("Tanh", inputs(x));
            case SOFTMAX -> graph.node("Softmax", inputs(x), integer("axis", -1));
        };
    }

    @Override
    public String visit(Embedding layer) {
        return graph.node("Gather", inputs(constant("weight"), x), integer("axis", 0));
    }

    @Override
    public String visit(Lstm layer) {
        return recurrent("LSTM", layer.units(), LSTM_GATES, layer.returnSequences());
    }

    @Override
    public String visit(Gru layer) {
        return recurrent("GRU", layer.units(), GRU_GATES, layer.returnSequences());
    }

    /**
     * ONNX Runtime refuses batch-first recurrent layers, so the sequence is turned to (steps, batch,
     * features) and back; the layer's one-direction axis is squeezed away.
     */
    private String recurrent(String op, int units, int[] gates, boolean sequences) {
        String steps = graph.node("Transpose", inputs(x), integers("perm", 1, 0, 2));
        LayerWeights ih = weights.get("weight_ih_l0");
        LayerWeights hh = weights.get("weight_hh_l0");
        String w = graph.floats("W", new int[] {1, ih.shape()[0], ih.shape()[1]}, reorder(ih.values(), gates));
        String r = graph.floats("R", new int[] {1, hh.shape()[0], hh.shape()[1]}, reorder(hh.values(), gates));
        float[] bih = reorder(weights.get("bias_ih_l0").values(), gates);
        float[] bhh = reorder(weights.get("bias_hh_l0").values(), gates);
        float[] bias = new float[bih.length + bhh.length];
        System.arraycopy(bih, 0, bias, 0, bih.length);
        System.arraycopy(bhh, 0, bias, bih.length, bhh.length);
        String b = graph.floats("B", new int[] {1, bias.length}, bias);
        String y = op.equals("GRU")
                ? graph.node(
                        op, inputs(steps, w, r, b), integer("hidden_size", units), integer("linear_before_reset", 1))
                : graph.node(op, inputs(steps, w, r, b), integer("hidden_size", units));
        String squeezed = graph.node("Squeeze", inputs(y, graph.longs("direction_axis", false, 1)));
        String batchFirst = graph.node("Transpose", inputs(squeezed), integers("perm", 1, 0, 2));
        return sequences
                ? batchFirst
                : graph.node("Gather", inputs(batchFirst, graph.longs("last_step", true, -1)), integer("axis", 1));
    }

    /** The blocks of a gate-stacked parameter (one block of rows per gate) in a new order. */
    private static float[] reorder(float[] values, int[] gates) {
        int block = values.length / gates.length;
        float[] out = new float[values.length];
        for (int g = 0; g < gates.length; g++) {
            System.arraycopy(values, gates[g] * block, out, g * block, block);
        }
        return out;
    }
}
