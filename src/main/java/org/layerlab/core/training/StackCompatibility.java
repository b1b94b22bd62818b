package org.layerlab.core.training;

import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerKind;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.LayerSummary;
import org.layerlab.core.stack.ShapeInference;
import org.layerlab.core.stack.StackSummary;
import org.layerlab.core.stack.TensorShape;

/** Checks that a stack can train on a dataset with a loss: input shape, output size, text layers. */
public final class StackCompatibility {

    /** The stack with its input taken from the data where it had none, and what stops it from training. */
    public record Result(LayerStack stack, StackSummary summary, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private StackCompatibility() {}

    public static Result check(LayerStack stack, Dataset data, LossKind loss) {
        TensorShape dataShape = TensorShape.of(data.inputShape());
        List<String> problems = new ArrayList<>();
        if (stack.input() != null && !stack.input().equals(dataShape)) {
            problems.add("The stack expects input " + stack.input() + " but " + data.name() + " gives " + dataShape
                    + "; set the stack's input to " + dataShape + " (or leave it out to take it from the data).");
        }
        LayerStack adapted = stack.withInput(dataShape);
        StackSummary summary = ShapeInference.summarize(adapted);
        problems.addAll(summary.problems());
        checkText(adapted, data, problems);
        if (summary.valid()) {
            checkOutput(summary, data, loss, problems);
        }
        return new Result(adapted, summary, List.copyOf(problems));
    }

    private static void checkText(LayerStack stack, Dataset data, List<String> problems) {
        boolean text = data.kind() == DataKind.TEXT;
        Layer first = stack.layers().isEmpty() ? null : stack.layers().get(0);
        boolean startsWithEmbedding = first != null && first.kind() == LayerKind.EMBEDDING;
        if (text && !startsWithEmbedding) {
            problems.add(data.name() + " is text (token ids per word): start the stack with an Embedding layer.");
        } else if (!text && startsWithEmbedding) {
            problems.add("Layer 1 (Embedding) needs text data, but " + data.name() + " is "
                    + data.kind().name().toLowerCase(java.util.Locale.ROOT) + " data; remove the Embedding layer.");
        } else if (text
                && first instanceof Embedding embedding
                && data.preprocessing() instanceof org.layerlab.core.data.Preprocessing.Text textPrep) {
            int ids = textPrep.vocabulary().size();
            if (embedding.vocabulary() < ids) {
                problems.add("Layer 1 (Embedding) has a vocabulary of " + embedding.vocabulary() + " but " + data.name()
                        + " uses " + ids + " token ids; set its vocabulary to at least " + ids + ".");
            }
        }
    }

    private static void checkOutput(StackSummary summary, Dataset data, LossKind loss, List<String> problems) {
        LayerSummary last = summary.layers().get(summary.layers().size() - 1);
        TensorShape out = last.output();
        String label = "Layer " + last.number() + " (" + last.layer().kind().displayName() + ")";
        int classes = data.classCount();
        if (out.rank() != 1) {
            problems.add(label + " outputs " + out + " but a classifier needs one value per class; end the stack with "
                    + "Flatten and Dense(" + classes + ").");
            return;
        }
        boolean singleOutputAllowed = classes == 2 && loss != LossKind.SOFTMAX_CROSS_ENTROPY;
        if (out.dim(0) != classes && !(singleOutputAllowed && out.dim(0) == 1)) {
            if (looksLikeNoClasses(data)) {
                problems.add(data.name() + ": the label column" + labelName(data) + " has " + classes
                        + " different values among " + data.totalCount() + " rows, so it looks like an id or a "
                        + "measurement rather than classes; name the column that holds the classes with --label "
                        + "(or choose it in the Data tab).");
                return;
            }
            problems.add(label + " outputs " + out.dim(0) + " values but " + data.name() + " has " + classes
                    + " classes; end the stack with Dense(" + classes + ").");
        }
    }

    /**
     * Classes that are not classes: more than half the rows have a value of their own, or the values are
     * numbers with fractions (a measurement). Then a Dense(classes) would only learn the wrong column.
     */
    private static boolean looksLikeNoClasses(Dataset data) {
        boolean mostlyDistinct = data.classCount() > data.totalCount() / 2;
        boolean fractions = data.classNames().stream().allMatch(StackCompatibility::isNumber)
                && data.classNames().stream().anyMatch(name -> name.contains("."));
        return data.classCount() > 2 && (mostlyDistinct || fractions);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String labelName(Dataset data) {
        return data.preprocessing() instanceof Preprocessing.Tabular table ? " '" + table.labelColumn() + "'" : "";
    }
}
