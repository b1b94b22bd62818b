package org.layerlab.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.ActivationFunction;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.ShapeInference;
import org.layerlab.core.stack.StackSummary;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.LayerWeights;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.TrainedModel;

/**
 * A trained model as the PyTorch and Keras exporters read it: its layers with the shape each one receives,
 * its trained parameters per layer (in PyTorch's names and layouts) and what turns its outputs into
 * probabilities. Also the few helpers both exporters use to write Python source.
 */
final class PyTorchStack {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest line of generated Python, as PEP 8 asks. */
    static final int LINE = 79;

    private final ModelInfo info;
    private final List<Layer> layers;
    private final StackSummary summary;
    private final Map<Integer, Map<String, LayerWeights>> weights;

    private PyTorchStack(
            ModelInfo info, List<Layer> layers, StackSummary summary, Map<Integer, Map<String, LayerWeights>> weights) {
        this.info = info;
        this.layers = layers;
        this.summary = summary;
        this.weights = weights;
    }

    /** Reads the model; a model whose stack or weights cannot be read is one clear message for {@code format}. */
    static PyTorchStack of(TrainedModel model, String format) throws ExportException {
        ModelInfo info = model.info();
        LayerStack stack = model.stack();
        if (stack.input() == null) {
            stack = stack.withInput(TensorShape.of(info.inputShape()));
        }
        StackSummary summary = ShapeInference.summarize(stack);
        if (!summary.valid()) {
            throw new ExportException("This network cannot be written as " + format + ": "
                    + String.join("; ", summary.problems()) + ". Fix the stack and train it again.");
        }
        List<LayerWeights> all;
        try {
            all = model.weights();
        } catch (UnsupportedOperationException e) {
            throw new ExportException(
                    "This model cannot be written as " + format + ": " + e.getMessage()
                            + ". Export a model LayerLab has trained.",
                    e);
        }
        Map<Integer, Map<String, LayerWeights>> byLayer = new HashMap<>();
        for (LayerWeights w : all) {
            byLayer.computeIfAbsent(w.layer(), k -> new LinkedHashMap<>()).put(w.name(), w);
        }
        return new PyTorchStack(info, stack.layers(), summary, byLayer);
    }

    ModelInfo info() {
        return info;
    }

    List<Layer> layers() {
        return layers;
    }

    /** The layers the network computes: all but a final Softmax, which {@link #loss()} applies instead. */
    int computedLayers() {
        return endsWithSoftmax() ? layers.size() - 1 : layers.size();
    }

    /**
     * True when the stack's last layer is a Softmax: LayerLab leaves it out of the network (every loss
     * reads raw outputs) and the probabilities apply it.
     */
    boolean endsWithSoftmax() {
        return !layers.isEmpty()
                && layers.get(layers.size() - 1) instanceof Activation a
                && a.function() == ActivationFunction.SOFTMAX;
    }

    TensorShape input(int layer) {
        return summary.layers().get(layer).input();
    }

    TensorShape output(int layer) {
        return summary.layers().get(layer).output();
    }

    /** How many values the network's last computed layer gives per sample. */
    int outputs() {
        return summary.output().last();
    }

    LossKind loss() {
        return info.loss();
    }

    /** "Layer 3: Conv2D(32, 3×3)", counting from 1 as the workbench shows the stack. */
    String title(int layer) {
        return "Layer " + (layer + 1) + ": " + LayerLabel.of(layers.get(layer));
    }

    /** The trained parameter {@code name} of a layer, or a message saying the model lacks it. */
    LayerWeights weight(int layer, String name) throws ExportException {
        LayerWeights w = weights.getOrDefault(layer, Map.of()).get(name);
        if (w == null) {
            throw new ExportException(
                    title(layer) + " has no trained '" + name
                            + "' in this model, so its weights cannot be written; train the network again and export the new run.");
        }
        return w;
    }

    /** Checks that layer {@code layer} has every parameter in {@code names}; see {@link #weight}. */
    void requireWeights(int layer, List<String> names) throws ExportException {
        for (String name : names) {
            weight(layer, name);
        }
    }

    /** A parameter already checked with {@link #requireWeights}. */
    LayerWeights checked(int layer, String name) {
        return weights.get(layer).get(name);
    }

    /** Every trained parameter of a layer, in the order the engine lists them. */
    List<LayerWeights> weights(int layer) {
        return List.copyOf(weights.getOrDefault(layer, Map.of()).values());
    }

    /**
     * The Python function from the last layer's outputs to probabilities for BCE and MSE, given the
     * expressions of the library at hand: {@code scores} from {@code logits}, the result from {@code scores}.
     */
    static String probabilityFunction(LossKind loss, int outputs, String scores, String result) {
        return """
                def probabilities(logits):
                    \"""Class probabilities from the last layer's outputs, as in LayerLab.\"""
                    # %SCORES_NOTE%
                    scores = %SCORES%
                    # %RESULT_NOTE%
                    return %RESULT%
                """.replace(
                        "%SCORES_NOTE%",
                        loss == LossKind.BINARY_CROSS_ENTROPY
                                ? "Trained with binary cross-entropy: a sigmoid scores each output."
                                : "Trained with mean squared error against 0/1 targets: clip to 0..1.")
                .replace("%SCORES%", scores)
                .replace(
                        "%RESULT_NOTE%",
                        outputs == 1
                                ? "One output for two classes: the second class's probability."
                                : "Made to sum to 1 over the classes.")
                .replace("%RESULT%", result);
    }

    /** A Python string literal (double quotes; JSON's escapes are also Python's). */
    static String string(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Python list of string literals, wrapped as {@link #wrap} does after {@code start}. */
    static String strings(String start, List<String> texts) {
        return wrap("", start + "[", texts.stream().map(PyTorchStack::string).toList(), "]");
    }

    /**
     * {@code open}, the items separated by commas and {@code close} on one line if it fits in
     * {@link #LINE} characters after {@code indent}; else one item a line, indented four more, each with a
     * trailing comma (how Black writes it).
     */
    static String wrap(String indent, String open, List<String> items, String close) {
        String line = indent + open + String.join(", ", items) + close;
        if (line.length() <= LINE) {
            return line;
        }
        StringBuilder text = new StringBuilder(indent).append(open).append('\n');
        for (String item : items) {
            text.append(indent).append("    ").append(item).append(",\n");
        }
        return text.append(indent).append(close).toString();
    }

    /**
     * A call such as {@code layers.GRU(3, return_sequences=False, name="layer_4")} on one line if it fits,
     * else with its arguments one a line (see {@link #wrap}).
     */
    static String call(String indent, String call) {
        if ((indent + call).length() <= LINE || !call.endsWith(")")) {
            return indent + call;
        }
        int open = call.indexOf('(');
        List<String> arguments = new java.util.ArrayList<>();
        int depth = 0;
        int start = open + 1;
        boolean quoted = false;
        for (int i = start; i < call.length() - 1; i++) {
            char c = call.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                arguments.add(call.substring(start, i).strip());
                start = i + 1;
            }
        }
        arguments.add(call.substring(start, call.length() - 1).strip());
        return wrap(indent, call.substring(0, open + 1), arguments, ")");
    }

    /** A Python float literal that reads back as the same double. */
    static String number(double value) {
        return Double.toString(value);
    }

    /** A Python tuple of whole numbers: "(1, 8, 8)", "(2,)". */
    static String tuple(int... values) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return text.append(values.length == 1 ? ",)" : ")").toString();
    }

    /**
     * The comment over a layer's code: "# Layer 3: Conv2D(32, 3×3) → (batch, 32, 26, 26)", on two lines
     * when one is too long.
     */
    static String layerComment(String indent, String title, String shape) {
        String line = indent + "# " + title + " → " + shape;
        return line.length() <= LINE ? line : indent + "# " + title + "\n" + indent + "# → " + shape;
    }

    /** A shape with the batch axis in front, as a comment shows it: "(batch, 16, 8, 8)". */
    static String batchShape(TensorShape shape) {
        StringBuilder text = new StringBuilder("(batch");
        for (int d : shape.dims()) {
            text.append(", ").append(d);
        }
        return text.append(')').toString();
    }

    /** The one-line name of the loss, as LayerLab's settings call it. */
    static String lossName(LossKind loss) {
        return loss.displayName().toLowerCase(Locale.ROOT);
    }
}
