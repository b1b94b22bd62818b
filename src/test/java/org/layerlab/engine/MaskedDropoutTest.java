package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MaskedDropoutTest {

    @BeforeAll
    static void loadEngine() {
        Engine.getEngine("PyTorch");
    }

    @Test
    void whileTrainingKeepsAboutTheRightShareScaledUp() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray ones = manager.ones(new Shape(200, 100));
            float[] out = forward(new MaskedDropout(0.2, 7), ones, true);
            int kept = 0;
            for (float v : out) {
                assertTrue(v == 0f || Math.abs(v - 1.25f) < 1e-6, "a value neither dropped nor scaled: " + v);
                kept += v == 0f ? 0 : 1;
            }
            // 20,000 draws: 80 % kept, give or take well under 1 %
            assertEquals(0.8, kept / 20_000.0, 0.01);
        }
    }

    @Test
    void theSameSeedDrawsTheSameMaskAndOutsideTrainingNothingIsDropped() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomUniform(1f, 2f, new Shape(8, 16));
            assertArrayEquals(forward(new MaskedDropout(0.5, 3), x, true), forward(new MaskedDropout(0.5, 3), x, true));
            assertArrayEquals(x.toFloatArray(), forward(new MaskedDropout(0.5, 3), x, false));
        }
    }

    /** A rate within float rounding of 1 drops everything: zeros, not NaN (∞ × 0). Odd sizes too. */
    @Test
    void aRateNextToOneGivesZerosAndAnOddSizeIsMaskedToTheEnd() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (float v : forward(new MaskedDropout(0.99999999, 1), manager.ones(new Shape(3, 7)), true)) {
                assertEquals(0f, v);
            }
            float[] half = forward(new MaskedDropout(0.5, 1), manager.ones(new Shape(1, 4003)), true);
            long kept = 0;
            for (float v : half) {
                assertTrue(v == 0f || v == 2f, "a value neither dropped nor scaled: " + v);
                kept += v == 0f ? 0 : 1;
            }
            assertEquals(0.5, kept / 4003.0, 0.05);
        }
    }

    /** Models saved when LayerLab used DJL's own Dropout block must still load. */
    @Test
    void readsWhatDjlsDropoutWrote() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock saved = new SequentialBlock()
                    .add(Linear.builder().setUnits(3).build())
                    .add(Dropout.builder().optRate(0.2f).build());
            saved.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            saved.saveParameters(new DataOutputStream(bytes));
            SequentialBlock loaded = new SequentialBlock()
                    .add(Linear.builder().setUnits(3).build())
                    .add(new MaskedDropout(0.2, 1));
            loaded.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
            loaded.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertArrayEquals(
                    saved.getParameters().get(0).getValue().getArray().toFloatArray(),
                    loaded.getParameters().get(0).getValue().getArray().toFloatArray());
        }
    }

    private static float[] forward(MaskedDropout dropout, NDArray x, boolean training) {
        NDList out = dropout.forward(new ParameterStore(x.getManager(), false), new NDList(x), training);
        return out.singletonOrThrow().toFloatArray();
    }
}
