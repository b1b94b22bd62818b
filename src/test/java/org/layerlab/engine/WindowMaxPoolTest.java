package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WindowMaxPool gives max_pool2d's values and gradients, odd sizes, larger windows and ties included. */
class WindowMaxPoolTest {

    @BeforeAll
    static void loadEngine() {
        Engine.getEngine("PyTorch");
    }

    @Test
    void valuesAndGradientsAreMaxPool2dsForEvenAndOddSizesAndLargerWindows() {
        int[][] cases = {{2, 3, 6, 6, 2}, {2, 3, 7, 5, 2}, {1, 2, 9, 10, 3}, {3, 1, 4, 4, 4}};
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(11);
            for (int[] c : cases) {
                Shape shape = new Shape(c[0], c[1], c[2], c[3]);
                int side = c[4];
                NDArray x = manager.randomNormal(shape);
                NDArray seed = manager.randomNormal(new Shape(c[0], c[1], c[2] / side, c[3] / side));
                UnaryOperator<NDArray> native2d =
                        in -> Pool.maxPool2d(in, new Shape(side, side), new Shape(side, side), new Shape(0, 0), false);
                UnaryOperator<NDArray> window = in -> new WindowMaxPool(side)
                        .forward(new ParameterStore(manager, false), new NDList(in), true)
                        .singletonOrThrow();
                float[][] expected = valueAndGradient(x, seed, native2d);
                float[][] actual = valueAndGradient(x, seed, window);
                assertArrayEquals(expected[0], actual[0], shape + " values, window " + side);
                // Exactly equal numbers; where a value is not its window's maximum, its gradient may be −0 instead of
                // 0.
                assertArrayEquals(expected[1], actual[1], 0f, shape + " gradient, window " + side);
            }
        }
    }

    /** One block, as in training and validation, through batches of changing size on one thread. */
    @Test
    void oneBlockServesBatchesOfAnySizeInTurn() {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(5);
            WindowMaxPool block = new WindowMaxPool(2);
            UnaryOperator<NDArray> window =
                    in -> block.forward(new ParameterStore(manager, false), new NDList(in), true)
                            .singletonOrThrow();
            UnaryOperator<NDArray> native2d =
                    in -> Pool.maxPool2d(in, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
            for (int batch : new int[] {4, 2, 6}) {
                NDArray x = manager.randomNormal(new Shape(batch, 3, 8, 8));
                NDArray seed = manager.randomNormal(new Shape(batch, 3, 4, 4));
                float[][] expected = valueAndGradient(x, seed, native2d);
                float[][] actual = valueAndGradient(x, seed, window);
                assertArrayEquals(expected[0], actual[0], "values, batch " + batch);
                assertArrayEquals(expected[1], actual[1], 0f, "gradient, batch " + batch);
            }
        }
    }

    /** Equal values in a window: the gradient goes to the first, as max_pool2d's does. */
    @Test
    void amongEqualValuesTheFirstGetsTheGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {5, 5, 5, 5, 1, 7, 7, 2}, new Shape(1, 2, 2, 2));
            NDArray seed = manager.create(new float[] {3, 4}, new Shape(1, 2, 1, 1));
            float[][] got = valueAndGradient(
                    x,
                    seed,
                    in -> new WindowMaxPool(2)
                            .forward(new ParameterStore(manager, false), new NDList(in), true)
                            .singletonOrThrow());
            assertArrayEquals(new float[] {5, 7}, got[0]);
            assertArrayEquals(new float[] {3, 0, 0, 0, 0, 4, 0, 0}, got[1], 0f);
        }
    }

    /** As max_pool2d: a window with a NaN gives NaN (a diverging run must show as one). */
    @Test
    void aNaNInAWindowGivesNaN() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] values = new float[36];
            values[7] = Float.NaN; // row 1, column 1: in the first 2 × 2 and the first 3 × 3 window
            NDArray x = manager.create(values, new Shape(1, 1, 6, 6));
            for (int side : new int[] {2, 3}) {
                float[] out = new WindowMaxPool(side)
                        .forward(new ParameterStore(manager, false), new NDList(x), false)
                        .singletonOrThrow()
                        .toFloatArray();
                assertTrue(Float.isNaN(out[0]), "window " + side);
                assertEquals(0f, out[1], "window " + side);
            }
        }
    }

    @Test
    void theOutputShapeIsTheNumberOfWholeWindows() {
        Shape out = new WindowMaxPool(2).getOutputShapes(new Shape[] {new Shape(8, 32, 11, 26)})[0];
        assertEquals(new Shape(8, 32, 5, 13), out);
    }

    private static float[][] valueAndGradient(NDArray x, NDArray seed, UnaryOperator<NDArray> pool) {
        try (NDManager scope = x.getManager().newSubManager()) {
            NDArray input = x.duplicate();
            input.attach(scope);
            input.setRequiresGradient(true);
            try {
                TorchCalls.recordGradients(true);
                NDArray out = pool.apply(input);
                TorchCalls.backward(out, seed);
                return new float[][] {out.toFloatArray(), input.getGradient().toFloatArray()};
            } finally {
                TorchCalls.recordGradients(false);
            }
        }
    }
}
