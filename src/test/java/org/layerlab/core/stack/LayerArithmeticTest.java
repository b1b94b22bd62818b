package org.layerlab.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every sentence's arithmetic is recomputed here, and its results must be the shape and parameter count that
 * shape inference found, for every layer kind.
 */
class LayerArithmeticTest {
    private static final Pattern EQUATION = Pattern.compile("([0-9⌊(][0-9,⌊⌋()+−×/ ]*?) = ([0-9,]+)");

    @Test
    void theIssuesExamples() {
        StackSummary cnn = ShapeInference.summarize(LayerStack.of(TensorShape.of(1, 28, 28), new Conv2D(32, 3)));
        assertEquals(
                "(32, 26, 26) because 28 − 3 + 1 = 26 with a 3×3 kernel and no padding. Each of the 32 filters makes "
                        + "one channel.\n320 parameters = 32 × (1 × 3 × 3) + 32 biases: each filter has a weight per "
                        + "input channel and pixel of its kernel.",
                LayerArithmetic.explain(cnn.layers().get(0)));
        StackSummary mlp = ShapeInference.summarize(LayerStack.of(TensorShape.of(784), new Dense(128)));
        assertTrue(LayerArithmetic.explain(mlp.layers().get(0))
                .endsWith("100,480 parameters = 784 × 128 weights + 128 biases."));
    }

    @Test
    void everyKindsNumbersAreTheInferredOnes() {
        List<LayerStack> stacks = List.of(
                LayerStack.of(
                        TensorShape.of(3, 32, 30),
                        new Conv2D(16, 3, 1, Padding.SAME),
                        new BatchNorm(),
                        Activation.RELU,
                        new Conv2D(8, 5, 2, Padding.VALID),
                        new MaxPool2D(2),
                        new Conv2D(8, 3, 2, Padding.SAME),
                        new AvgPool2D(3, 2),
                        new Dropout(0.2),
                        new Flatten(),
                        new Dense(10, false),
                        new BatchNorm()),
                LayerStack.of(
                        TensorShape.of(200),
                        new Embedding(10_000, 32),
                        new Lstm(64, true),
                        new Gru(48, false),
                        new Dense(2)),
                LayerStack.of(TensorShape.of(20, 7), new Dense(5), new Lstm(3, false)),
                LayerStack.of(TensorShape.of(1, 28, 28), new MaxPool2D(3), new AvgPool2D(2)));
        Set<LayerKind> seen = EnumSet.noneOf(LayerKind.class);
        for (LayerStack stack : stacks) {
            StackSummary summary = ShapeInference.summarize(stack);
            assertTrue(summary.valid(), summary.toString());
            for (LayerSummary layer : summary.layers()) {
                seen.add(layer.layer().kind());
                checkSentences(layer, LayerArithmetic.explain(layer));
            }
        }
        assertEquals(EnumSet.allOf(LayerKind.class), seen, "every kind is checked");
    }

    private static void checkSentences(LayerSummary layer, String text) {
        String[] lines = text.split("\n", -1);
        assertEquals(2, lines.length, text);
        String shape = lines[0];
        String parameters = lines[1];
        assertTrue(shape.startsWith(layer.output().toString()), shape);
        List<Long> results = checkedEquations(shape);
        TensorShape out = layer.output();
        switch (layer.layer().kind()) {
            case CONV2D, MAX_POOL2D, AVG_POOL2D -> {
                assertTrue(results.contains((long) out.dim(1)), "height worked out: " + shape);
                assertTrue(results.contains((long) out.dim(2)), "width worked out: " + shape);
            }
            case FLATTEN -> assertEquals(List.of(out.size()), results, shape);
            default -> {}
        }
        if (layer.parameters() == 0) {
            assertTrue(parameters.startsWith("No parameters: "), parameters);
            return;
        }
        String count = String.format(Locale.ROOT, "%,d", layer.parameters());
        assertTrue(parameters.startsWith(count + " parameters = "), parameters);
        String sum = parameters.substring((count + " parameters = ").length()).split("[:.]| \\(no", -1)[0];
        assertEquals(layer.parameters(), evaluate(sum.replaceAll("[a-z]+", "")), parameters);
    }

    /** Evaluates every "expression = result" of a sentence, asserts each is right, and returns the results. */
    private static List<Long> checkedEquations(String sentence) {
        List<Long> results = new ArrayList<>();
        Matcher m = EQUATION.matcher(sentence);
        while (m.find()) {
            long result = Long.parseLong(m.group(2).replace(",", ""));
            assertEquals(result, evaluate(m.group(1)), sentence);
            results.add(result);
        }
        return results;
    }

    private static long evaluate(String expression) {
        return new Arithmetic(expression.replace(",", "").replace(" ", "")).parse();
    }

    /** + − × / with parentheses and ⌊ ⌋ (rounding down), as the sentences write them. */
    private static final class Arithmetic {
        private final String text;
        private int at;

        Arithmetic(String text) {
            this.text = text;
        }

        long parse() {
            double value = sum();
            assertEquals(text.length(), at, "the whole of '" + text + "' is arithmetic");
            assertEquals(Math.rint(value), value, text + " is a whole number");
            return (long) value;
        }

        private double sum() {
            double value = product();
            while (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '−')) {
                char op = text.charAt(at++);
                value = op == '+' ? value + product() : value - product();
            }
            return value;
        }

        private double product() {
            double value = atom();
            while (at < text.length() && (text.charAt(at) == '×' || text.charAt(at) == '/')) {
                char op = text.charAt(at++);
                value = op == '×' ? value * atom() : value / atom();
            }
            return value;
        }

        private double atom() {
            char c = text.charAt(at);
            if (c == '(' || c == '⌊') {
                at++;
                double inside = sum();
                at++;
                return c == '⌊' ? Math.floor(inside) : inside;
            }
            int start = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            return Double.parseDouble(text.substring(start, at));
        }
    }
}
