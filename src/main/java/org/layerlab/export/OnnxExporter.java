package org.layerlab.export;

import static org.layerlab.export.OnnxGraph.inputs;
import static org.layerlab.export.OnnxGraph.integer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.ActivationFunction;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.ShapeInference;
import org.layerlab.core.stack.StackSummary;
import org.layerlab.core.training.LayerWeights;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.files.JsonFiles;

/**
 * Writes a trained model as one ONNX graph that takes the raw input {@code predict} reads (pixels 0–255,
 * table features in training column order, token ids) and returns the class probabilities: the input's
 * scaling or standardisation, every layer, and the loss's own way of turning outputs into probabilities
 * are all inside the graph. Beside it, BASE.json says what the input is ({@link InputSpec}).
 */
final class OnnxExporter implements Exporter {

    @Override
    public void write(ExportSource source, Path folder, String baseName) throws IOException, ExportException {
        TrainedModel model = source.model();
        ModelInfo info = model.info();
        OnnxGraph graph = new OnnxGraph(baseName);
        Map<Integer, Map<String, LayerWeights>> weights = new HashMap<>();
        for (LayerWeights w : model.weights()) {
            weights.computeIfAbsent(w.layer(), k -> new HashMap<>()).put(w.name(), w);
        }
        String x = prepared(graph, InputSpec.INPUT, info.preprocessing());
        List<Layer> layers = model.stack().layers();
        StackSummary summary = ShapeInference.summarize(model.stack());
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            boolean finalSoftmax = i == layers.size() - 1
                    && layer instanceof Activation a
                    && a.function() == ActivationFunction.SOFTMAX;
            if (finalSoftmax) {
                break; // the engine leaves it out too: the probabilities below apply it
            }
            int rank = summary.layers().get(i).input().rank();
            x = new OnnxLayers(graph, weights.getOrDefault(i, Map.of()), rank)
                    .add(layer, x, "Layer " + (i + 1) + " (" + LayerLabel.of(layer) + ")");
        }
        // The final Softmax's output has the same width as its input, so the stack's output is the logits'.
        String probabilities =
                probabilities(graph, x, info.loss(), summary.output().last());
        byte[] onnx = graph.model(
                        InputSpec.INPUT,
                        info.inputShape(),
                        InputSpec.OUTPUT,
                        probabilities,
                        info.classNames().size())
                .toByteArray();
        try (OutputStream out = Files.newOutputStream(folder.resolve(baseName + ".onnx"))) {
            out.write(onnx);
        }
        JsonFiles.write(folder.resolve(baseName + ".json"), InputSpec.json(info));
    }

    /** The raw input as the network's first layer receives it. */
    private static String prepared(OnnxGraph graph, String input, Preprocessing preprocessing) {
        if (preprocessing instanceof Preprocessing.Image) {
            return graph.node("Mul", inputs(input, graph.scalar("pixel_scale", ByteFeatures.SCALE)));
        }
        if (preprocessing instanceof Preprocessing.Text) {
            return graph.node(
                    "Cast", inputs(input), integer("to", ai.onnx.proto.OnnxMl.TensorProto.DataType.INT64_VALUE));
        }
        Preprocessing.Tabular table = (Preprocessing.Tabular) preprocessing;
        float[] mean = new float[table.featureCount()];
        float[] std = new float[table.featureCount()];
        int at = 0;
        for (Preprocessing.Column column : table.columns()) {
            for (int p = 0; p < column.width(); p++) {
                mean[at] = column.categorical() ? 0 : (float) column.mean();
                std[at] = column.categorical() ? 1 : (float) column.std();
                at++;
            }
        }
        int[] shape = {mean.length};
        String centred = graph.node("Sub", inputs(input, graph.floats("column_mean", shape, mean)));
        return graph.node("Div", inputs(centred, graph.floats("column_std", shape, std)));
    }

    /** What {@code predict} reports: softmax for cross-entropy, else scores in [0, 1] made to sum to 1. */
    private static String probabilities(OnnxGraph graph, String logits, LossKind loss, int outputs) {
        if (loss == LossKind.SOFTMAX_CROSS_ENTROPY) {
            return graph.node("Softmax", inputs(logits), integer("axis", 1));
        }
        String scores = loss == LossKind.BINARY_CROSS_ENTROPY
                ? graph.node("Sigmoid", inputs(logits))
                : graph.node("Clip", inputs(logits, graph.scalar("zero", 0f), graph.scalar("one", 1f)));
        if (outputs == 1) {
            // One output for two classes: its score is the second class's probability.
            return graph.node(
                    "Concat",
                    inputs(graph.node("Sub", inputs(graph.scalar("one", 1f), scores)), scores),
                    integer("axis", 1));
        }
        return graph.node(
                "Div",
                inputs(
                        scores,
                        graph.node(
                                "Add",
                                inputs(
                                        graph.node(
                                                "ReduceSum",
                                                inputs(scores, graph.longs("class_axis", false, 1)),
                                                integer("keepdims", 1)),
                                        graph.scalar("tiny", 1e-7f)))));
    }
}
