package org.layerlab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.Padding;
import org.layerlab.core.stack.ShapeInference;
import org.layerlab.core.stack.StackSummary;
import org.layerlab.core.stack.TensorShape;

/** Hand-computed estimates; no test here depends on the memory of the machine it runs on. */
class MemoryEstimateTest {
    private static final long GB = 1024L * 1024 * 1024;
    private static final MemoryBudget EIGHT_GB_MACHINE = MemoryBudget.shareOf(8 * GB);

    /** (4) → Dense(8) → ReLU → Dense(3): 4·8+8 = 40 and 8·3+3 = 27 parameters, 8+8+3 = 19 outputs. */
    private static final StackSummary SMALL_MLP =
            ShapeInference.summarize(LayerStack.of(TensorShape.of(4), new Dense(8), Activation.RELU, new Dense(3)));

    @Test
    void smallMlpWithAdam() {
        MemoryEstimate estimate = MemoryEstimate.of(SMALL_MLP, OptimizerKind.ADAM, 10);
        // weight, gradient and Adam's two averages: 67 parameters × 4 copies × 4 bytes
        assertEquals(67 * 4 * 4, estimate.parameterBytes());
        // 19 outputs × 10 samples × 4 bytes, kept for the backward pass and matched by a gradient
        assertEquals(19 * 10 * 4 * 2, estimate.activationBytes());
        assertEquals(1072 + 1520 + MemoryEstimate.RUNTIME_BYTES, estimate.totalBytes());
        // Dense(8): 40 × 16 + 8 × 80 = 1280 bytes, more than ReLU's 640 or Dense(3)'s 432 + 240
        assertEquals(1, estimate.largest().layer().number());
        assertEquals(1280, estimate.largest().totalBytes());
    }

    @Test
    void optimizersKeepDifferentState() {
        assertEquals(
                67 * 2 * 4, MemoryEstimate.of(SMALL_MLP, OptimizerKind.SGD, 10).parameterBytes());
        assertEquals(
                67 * 3 * 4,
                MemoryEstimate.of(SMALL_MLP, OptimizerKind.MOMENTUM, 10).parameterBytes());
        assertEquals(
                67 * 3 * 4,
                MemoryEstimate.of(SMALL_MLP, OptimizerKind.ADAGRAD, 10).parameterBytes());
        assertEquals(
                67 * 3 * 4,
                MemoryEstimate.of(SMALL_MLP, OptimizerKind.RMSPROP, 10).parameterBytes());
    }

    @Test
    void aSmallStackFits() {
        assertEquals(Optional.empty(), EIGHT_GB_MACHINE.refusal(SMALL_MLP, TrainingConfig.DEFAULT));
        assertEquals(
                "about 512 MB to train with Adam in batches of 10",
                MemoryEstimate.of(SMALL_MLP, OptimizerKind.ADAM, 10).describe());
    }

    @Test
    void aHugeDenseLayerIsRefusedByName() {
        // Layer 1: (784·10^7 + 10^7) × 16 bytes + 10^7 × 128 × 8 bytes = 126.5 GiB; the stack 128.5 GiB
        StackSummary summary =
                ShapeInference.summarize(LayerStack.of(TensorShape.of(784), new Dense(10_000_000), new Dense(10)));
        assertEquals(
                Optional.of("Layer 1 (Dense) alone needs 126.5 GB for its 7,850,000,000 parameters, their gradients "
                        + "and the state Adam keeps for each; the whole stack needs about 128.5 GB to train with "
                        + "Adam in batches of 128, but LayerLab may use 6.0 GB of this machine's 8.0 GB; "
                        + "use fewer units."),
                EIGHT_GB_MACHINE.refusal(summary, TrainingConfig.DEFAULT));
    }

    @Test
    void largeOutputsAskForASmallerBatch() {
        // 64 × 1024 × 1024 outputs × 128 samples × 8 bytes = 64 GiB
        StackSummary summary = ShapeInference.summarize(
                LayerStack.of(TensorShape.of(3, 1024, 1024), new Conv2D(64, 3, 1, Padding.SAME)));
        String refusal =
                EIGHT_GB_MACHINE.refusal(summary, TrainingConfig.DEFAULT).orElseThrow();
        assertTrue(
                refusal.startsWith("Layer 1 (Conv2D) alone needs 64.0 GB for its outputs for a batch of 128 and "
                        + "their gradients;"),
                refusal);
        assertTrue(refusal.endsWith("; use a smaller batch size or fewer filters."), refusal);
    }

    @Test
    void absurdStacksSaturateInsteadOfOverflowing() {
        StackSummary summary = ShapeInference.summarize(
                LayerStack.of(TensorShape.of(2_000_000_000), new Dense(2_000_000_000), new Dense(2_000_000_000)));
        MemoryEstimate estimate = MemoryEstimate.of(summary, OptimizerKind.ADAM, 128);
        assertEquals(Long.MAX_VALUE, estimate.totalBytes());
        assertTrue(EIGHT_GB_MACHINE.refusal(estimate).isPresent());
    }
}
