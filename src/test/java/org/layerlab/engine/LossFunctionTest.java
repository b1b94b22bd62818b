package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layerlab.core.training.LossKind;

/**
 * The Java loss against the same loss written as PyTorch operations, and its gradient against PyTorch's
 * autograd through those operations: a wrong sign, scale or target fails here, where "training learns"
 * might still pass.
 */
class LossFunctionTest {
    private static final float[] LOGITS = {2.0f, -1.0f, 0.5f, -3.0f, 40.0f, 1.5f, 0.1f, 0.2f, -0.3f, 7.0f, -8.0f, 0.0f};
    private static final int ROWS = 4;

    @BeforeAll
    static void loadEngine() {
        Engine.getEngine("PyTorch");
    }

    @ParameterizedTest
    @CsvSource({
        "SOFTMAX_CROSS_ENTROPY, 3",
        "BINARY_CROSS_ENTROPY, 3",
        "BINARY_CROSS_ENTROPY, 1",
        "MEAN_SQUARED_ERROR, 3",
        "MEAN_SQUARED_ERROR, 1"
    })
    void lossAndGradientMatchPyTorch(LossKind kind, int outputs) {
        int rows = outputs == 3 ? ROWS : ROWS * 3;
        int[] labels = outputs == 3 ? new int[] {0, 1, 2, 1} : new int[] {1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0};
        LossFunction loss = new LossFunction(kind, outputs);
        float scale = loss.meanScale(rows);
        FloatBuffer gradient = FloatBuffer.allocate(LOGITS.length);
        LossFunction.Score score = loss.score(FloatBuffer.wrap(LOGITS), labels, rows, gradient, scale);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(LOGITS, new Shape(rows, outputs));
            x.setRequiresGradient(true);
            try {
                TorchCalls.recordGradients(true);
                NDArray expected = torchMeanLoss(kind, x, manager.create(labels), outputs);
                TorchCalls.backward(expected, manager.create(1f));
                assertEquals(expected.getFloat(), score.sum() * scale, 1e-5);
                assertArrayEquals(TorchCalls.gradient(x).toFloatArray(), gradient.array(), 1e-6f);
            } finally {
                TorchCalls.recordGradients(false);
            }
            int correct = 0;
            NDArray predicted = outputs == 1
                    ? x.reshape(-1)
                            .gt(kind == LossKind.MEAN_SQUARED_ERROR ? 0.5f : 0f)
                            .toType(DataType.INT32, false)
                    : x.argMax(1).toType(DataType.INT32, false);
            int[] p = predicted.toIntArray();
            for (int i = 0; i < rows; i++) {
                correct += p[i] == labels[i] ? 1 : 0;
            }
            assertEquals(correct, score.correct());
        }
    }

    /** The batch's mean loss as PyTorch operations, the way LayerLab computed it before it moved to Java. */
    private static NDArray torchMeanLoss(LossKind kind, NDArray x, NDArray labels, int outputs) {
        NDArray longs = labels.toType(DataType.INT64, false);
        NDArray target = outputs == 1
                ? longs.toType(DataType.FLOAT32, false).reshape(-1, 1)
                : longs.oneHot(outputs, DataType.FLOAT32);
        return switch (kind) {
            case SOFTMAX_CROSS_ENTROPY ->
                x.logSoftmax(1).mul(target).sum().neg().div(x.getShape().get(0));
            case BINARY_CROSS_ENTROPY ->
                x.maximum(0f)
                        .add(x.abs().neg().exp().add(1f).log())
                        .sub(x.mul(target))
                        .mean();
            case MEAN_SQUARED_ERROR -> x.sub(target).square().mean();
        };
    }
}
