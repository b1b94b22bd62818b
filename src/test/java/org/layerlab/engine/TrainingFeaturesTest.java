package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.TokenFeatures;

class TrainingFeaturesTest {

    @BeforeAll
    static void loadEngine() {
        Engine.getEngine("PyTorch");
    }

    /**
     * Rows come in the order asked, and a batch of the same size reuses the same tensor with the new rows:
     * also after garbage collection, since the tensor's memory is a Java buffer that must stay alive with it.
     */
    @Test
    void floatRowsInTheOrderAskedInOneReusedTensor() {
        float[] values = new float[6 * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 0.5f;
        }
        try (NDManager manager = NDManager.newBaseManager();
                TrainingFeatures features =
                        new TrainingFeatures(manager, new FloatFeatures(values, 4), new int[] {2, 2})) {
            int[] order = {3, 5, 0, 1};
            NDArray first = features.rows(order, 1, 3);
            for (int round = 0; round < 3; round++) {
                System.gc();
                byte[][] garbage = new byte[64][];
                for (int i = 0; i < garbage.length; i++) {
                    garbage[i] = new byte[1 << 20];
                }
            }
            assertEquals(new Shape(2, 2, 2), first.getShape());
            assertArrayEquals(new float[] {20.5f, 21.5f, 22.5f, 23.5f, 0.5f, 1.5f, 2.5f, 3.5f}, first.toFloatArray());
            NDArray next = features.rows(order, 2, 4);
            assertSame(first, next);
            assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f, 7.5f}, next.toFloatArray());
            assertEquals(new Shape(1, 2, 2), features.rows(order, 0, 1).getShape());
        }
    }

    @Test
    void pixelsBecomeFloatsInZeroToOneAndTokensStayIds() {
        try (NDManager manager = NDManager.newBaseManager();
                TrainingFeatures pixels = new TrainingFeatures(
                        manager, new ByteFeatures(new byte[] {0, (byte) 255, 51, 102}, 2), new int[] {1, 1, 2});
                TrainingFeatures tokens =
                        new TrainingFeatures(manager, new TokenFeatures(new int[] {4, 5, 6, 7}, 2), new int[] {2})) {
            NDArray picked = pixels.rows(new int[] {1, 0}, 0, 2);
            assertEquals(new Shape(2, 1, 1, 2), picked.getShape());
            assertArrayEquals(new float[] {0.2f, 0.4f, 0f, 1f}, picked.toFloatArray(), 1e-6f);
            NDArray ids = tokens.rows(new int[] {1}, 0, 1);
            assertEquals(DataType.INT64, ids.getDataType());
            assertArrayEquals(new long[] {6, 7}, ids.toLongArray());
        }
    }
}
