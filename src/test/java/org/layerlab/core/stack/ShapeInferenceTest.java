package org.layerlab.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeInferenceTest {
    private static final TensorShape MNIST = TensorShape.of(1, 28, 28);

    /** The CNN of ../shared/bench/torch_cnn.py: PyTorch counts 121,930 parameters. */
    static LayerStack peerCnn() {
        return LayerStack.of(
                MNIST,
                new Conv2D(32, 3),
                Activation.RELU,
                new MaxPool2D(2),
                new Conv2D(64, 3),
                Activation.RELU,
                new MaxPool2D(2),
                new Flatten(),
                new Dense(64),
                Activation.RELU,
                new Dense(10));
    }

    @Test
    void peerCnnMatchesPyTorchShapesAndCounts() {
        StackSummary summary = ShapeInference.summarize(peerCnn());
        assertTrue(summary.valid(), summary.problems().toString());
        assertEquals(121_930, summary.totalParameters());
        List<LayerSummary> layers = summary.layers();
        assertEquals(TensorShape.of(32, 26, 26), layers.get(0).output());
        assertEquals(320, layers.get(0).parameters());
        assertEquals(TensorShape.of(32, 13, 13), layers.get(2).output());
        assertEquals(TensorShape.of(64, 11, 11), layers.get(3).output());
        assertEquals(18_496, layers.get(3).parameters());
        assertEquals(TensorShape.of(1600), layers.get(6).output());
        assertEquals(102_464, layers.get(7).parameters());
        assertEquals(TensorShape.of(10), summary.output());
    }

    @Test
    void peerMlpHas101770Parameters() {
        LayerStack mlp =
                LayerStack.of(MNIST, new Flatten(), new Dense(128), Activation.RELU, new Dropout(0.2), new Dense(10));
        assertEquals(101_770, ShapeInference.summarize(mlp).totalParameters());
    }

    @Test
    void recurrentAndNormalisationCountsMatchPyTorch() {
        LayerStack text = LayerStack.of(
                TensorShape.of(20),
                new Embedding(1000, 32),
                new Lstm(64, true),
                new Gru(16, false),
                new BatchNorm(),
                new Dense(2, false));
        StackSummary summary = ShapeInference.summarize(text);
        assertTrue(summary.valid(), summary.problems().toString());
        assertEquals(32_000, summary.layers().get(0).parameters());
        assertEquals(TensorShape.of(20, 64), summary.layers().get(1).output());
        assertEquals(4 * (32 * 64 + 64 * 64 + 2 * 64), summary.layers().get(1).parameters());
        assertEquals(TensorShape.of(16), summary.layers().get(2).output());
        assertEquals(3 * (64 * 16 + 16 * 16 + 2 * 16), summary.layers().get(2).parameters());
        assertEquals(32, summary.layers().get(3).parameters());
        assertEquals(32, summary.layers().get(4).parameters());
    }

    @Test
    void samePaddingKeepsSizeAndStrideShrinksIt() {
        LayerStack stack = LayerStack.of(
                TensorShape.of(3, 32, 32),
                new Conv2D(8, 5, 1, Padding.SAME),
                new Conv2D(8, 3, 2, Padding.SAME),
                new AvgPool2D(2, 1));
        StackSummary summary = ShapeInference.summarize(stack);
        assertEquals(TensorShape.of(8, 32, 32), summary.layers().get(0).output());
        assertEquals(TensorShape.of(8, 16, 16), summary.layers().get(1).output());
        assertEquals(TensorShape.of(8, 15, 15), summary.layers().get(2).output());
    }

    @Test
    void convolutionAfterFlattenNamesTheFlattenToMove() {
        LayerStack stack = LayerStack.of(
                MNIST, new Conv2D(16, 3), new MaxPool2D(2), new Flatten(), new Conv2D(8, 3), new Dense(10));
        StackSummary summary = ShapeInference.summarize(stack);
        assertFalse(summary.valid());
        assertEquals(
                List.of("Layer 4 (Conv2D) needs a 3-D input (channels, height, width) but receives (2704); "
                        + "remove the Flatten at layer 3 or move it below layer 4."),
                summary.problems());
        assertNull(summary.layers().get(4).output(), "shapes below a broken layer are not guessed");
    }

    @Test
    void explainsEachImpossibleLayer() {
        assertProblem(
                LayerStack.of(TensorShape.of(1, 4, 4), new Conv2D(8, 5)),
                "Layer 1 (Conv2D) has a 5×5 kernel but its input is only 4×4");
        assertProblem(
                LayerStack.of(TensorShape.of(1, 3, 3), new MaxPool2D(2), new MaxPool2D(2)),
                "Layer 2 (MaxPool2D) has a 2×2 window but its input is only 1×1");
        assertProblem(
                LayerStack.of(TensorShape.of(20), new Dense(8), new Embedding(100, 8)),
                "Layer 2 (Embedding) must be the first layer");
        assertProblem(
                LayerStack.of(MNIST, new Lstm(32, false)),
                "Layer 1 (LSTM) needs a sequence (steps, features) but receives (1, 28, 28), an image");
        assertProblem(
                LayerStack.of(MNIST, new Dense(10)),
                "Layer 1 (Dense) needs a vector (features) or a sequence (steps, features) but receives (1, 28, 28); "
                        + "LayerLab does not flatten implicitly: add a Flatten layer just above layer 1.");
        assertProblem(
                LayerStack.of(TensorShape.of(4), new Dense(0)), "Layer 1 (Dense): units must be at least 1 but is 0");
        assertProblem(
                LayerStack.of(TensorShape.of(4), new Dropout(1.0)),
                "Layer 1 (Dropout): rate must be at least 0 and below 1 but is 1.0");
        assertProblem(LayerStack.of(MNIST, new Conv2D(4, 4, 1, Padding.SAME)), "padding 'same' needs an odd kernel");
        assertProblem(LayerStack.of(TensorShape.of(4)), "The stack has no layers");
    }

    @Test
    void everyBrokenLayerGetsItsOwnProblem() {
        LayerStack stack = LayerStack.of(TensorShape.of(4), new Dense(-1), new Dropout(2), new Dense(3));
        assertEquals(2, ShapeInference.summarize(stack).problems().size());
    }

    private static void assertProblem(LayerStack stack, String expected) {
        List<String> problems = ShapeInference.summarize(stack).problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected '" + expected + "' in " + problems);
    }

    @Test
    void hugeLayersCountInLongs() {
        StackSummary summary = ShapeInference.summarize(LayerStack.of(TensorShape.of(784), new Dense(2_000_000_000)));
        assertEquals(1_570_000_000_000L, summary.totalParameters(), "784 × 2e9 weights + 2e9 biases");
    }

    @Test
    void flattenRefusesMoreValuesThanAnAxisHolds() {
        StackSummary summary =
                ShapeInference.summarize(LayerStack.of(TensorShape.of(1, 50_000, 50_000), new Flatten()));
        assertEquals(
                List.of("Layer 1 (Flatten) would output 2,500,000,000 values, more than one axis can hold "
                        + "(2,147,483,647); make the layers above it smaller or add a pooling layer."),
                summary.problems());
    }
}
