package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins what the training loop relies on in DJL's PyTorch internals, so that a DJL upgrade that changes one
 * of them fails here, by name, rather than as a slower or subtly wrong training run.
 */
class TorchCallsTest {

    @BeforeAll
    static void loadEngine() {
        Engine.getEngine("PyTorch");
    }

    @Test
    void aKeptGradientHandleSeesLaterPassesAddInPlace() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = weight(manager);
            backward(w, 1f);
            NDArray kept = TorchCalls.gradient(w);
            TorchCalls.memoryOf(kept).asFloatBuffer().put(0, new float[4]);
            assertArrayEquals(new float[] {0, 0, 0, 0}, kept.toFloatArray());
            backward(w, 1f);
            backward(w, 2f);
            // d/dw sum(w·w) = 2w, seeded 1 and 2: 3 × 2w, in the tensor the handle was taken from
            assertArrayEquals(new float[] {6, 12, 18, 24}, kept.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void theSeedScalesTheGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = weight(manager);
            backward(w, -0.5f);
            assertArrayEquals(
                    new float[] {-1, -2, -3, -4}, TorchCalls.gradient(w).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void memoryOfAParameterAndItsGradientIsTheTensorsOwn() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = weight(manager);
            backward(w, 1f);
            FloatBuffer weights = TorchCalls.memoryOf(w).asFloatBuffer();
            FloatBuffer gradient = TorchCalls.memoryOf(TorchCalls.gradient(w)).asFloatBuffer();
            assertEquals(6f, gradient.get(2)); // 2w at w = 3: the buffer reads the gradient tensor
            weights.put(1, 7f);
            gradient.put(0, -1f);
            assertArrayEquals(new float[] {1, 7, 3, 4}, w.toFloatArray());
            assertArrayEquals(new float[] {-1, 4, 6, 8}, TorchCalls.gradient(w).toFloatArray());
        }
    }

    @Test
    void embeddingCopiesWholeRowsInTheOrderAsked() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray table = manager.create(new float[] {0, 1, 10, 11, 20, 21}, new Shape(3, 2));
            NDArray rows = TorchCalls.embedding(manager.create(new long[] {2, 0, 2}), table)
                    .singletonOrThrow();
            assertEquals(new Shape(3, 2), rows.getShape());
            assertArrayEquals(new float[] {20, 21, 0, 1, 20, 21}, rows.toFloatArray());
        }
    }

    @Test
    void gradientRecordingIsSetPerThread() throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = weight(manager);
            TorchCalls.recordGradients(false);
            AtomicBoolean recordedThere = new AtomicBoolean();
            Thread other = new Thread(() -> {
                TorchCalls.recordGradients(true);
                recordedThere.set(backwardWorks(w));
                TorchCalls.recordGradients(false);
            });
            other.start();
            other.join();
            assertTrue(recordedThere.get());
            assertFalse(backwardWorks(w), "turning recording on in another thread turned it on here");
        }
    }

    /** Whether w·2 was recorded, so that backward from it reaches w. */
    private static boolean backwardWorks(NDArray w) {
        try (NDManager scope = w.getManager().newSubManager()) {
            NDArray product = w.mul(2f);
            product.attach(scope);
            TorchCalls.backward(product.sum(), scope.create(1f));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static NDArray weight(NDManager manager) {
        NDArray w = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
        w.setRequiresGradient(true);
        return w;
    }

    /** Backpropagates seed × d/dw sum(w·w). */
    private static void backward(NDArray w, float seed) {
        try (NDManager scope = w.getManager().newSubManager()) {
            TorchCalls.recordGradients(true);
            TorchCalls.backward(w.mul(w).sum(), scope.create(seed));
        } finally {
            TorchCalls.recordGradients(false);
        }
    }
}
