package org.layerlab.core.training;

import java.util.Locale;
import java.util.Optional;

/**
 * The batch size and epochs that suit a number of training rows, the one rule the window and {@code train}
 * share. Batches are about a tenth of the rows (4 to 128), so an epoch is some ten steps or more; epochs
 * make about 1,500 steps, which a small table needs to learn at Adam's 0.001 (Iris: 105 rows, batch 8,
 * 108 epochs reach 0.97, where 5 epochs of 128 stay near chance), but show at most about 50,000 samples,
 * so that larger sets stay quick and MNIST keeps batch 128 and 5 epochs.
 */
public record TrainingDefaults(int trainingRows, int batchSize, int epochs) {
    static final int SMALLEST_BATCH = 4;
    static final int LARGEST_BATCH = 128;
    /** Fewer batches than this in an epoch and the network takes too few steps to learn much. */
    public static final int FEW_BATCHES = 10;

    private static final int TARGET_STEPS = 1_500;
    private static final int SAMPLES_SEEN = 50_000;
    private static final int FEWEST_EPOCHS = 5;
    private static final int MOST_EPOCHS = 150;

    public static TrainingDefaults forTrainingRows(int rows) {
        int batch = Integer.highestOneBit(Math.max(1, rows / FEW_BATCHES));
        return forTrainingRows(rows, Math.max(SMALLEST_BATCH, Math.min(LARGEST_BATCH, batch)));
    }

    /** The epochs that suit {@code rows} in batches of {@code batchSize} someone chose. */
    public static TrainingDefaults forTrainingRows(int rows, int batchSize) {
        int forSteps = (int) Math.ceil((double) TARGET_STEPS / batchesPerEpoch(rows, batchSize));
        int epochs = Math.min(forSteps, (int) Math.ceil((double) SAMPLES_SEEN / Math.max(1, rows)));
        return new TrainingDefaults(rows, batchSize, Math.max(FEWEST_EPOCHS, Math.min(MOST_EPOCHS, epochs)));
    }

    /** The training config with this batch size and number of epochs, the rest unchanged. */
    public TrainingConfig appliedTo(TrainingConfig config) {
        return config.withBatchSize(batchSize).withEpochs(epochs);
    }

    public int batchesPerEpoch() {
        return batchesPerEpoch(trainingRows, batchSize);
    }

    /** "Settings chosen for 105 training rows: batch 8, 108 epochs (14 batches an epoch, 1,512 steps)." */
    public String description() {
        return String.format(
                Locale.ROOT,
                "Settings chosen for %,d training rows: batch %d, %d epochs (%s).",
                trainingRows,
                batchSize,
                epochs,
                steps());
    }

    /** "14 batches an epoch, 1,512 steps": why these settings. */
    public String steps() {
        return String.format(
                Locale.ROOT, "%,d batches an epoch, %,d steps", batchesPerEpoch(), (long) batchesPerEpoch() * epochs);
    }

    /** A warning when an epoch of {@code rows} in batches of {@code batchSize} is only a few steps. */
    public static Optional<String> fewBatchesWarning(int rows, int batchSize) {
        int batches = batchesPerEpoch(rows, batchSize);
        if (rows <= 0 || batchSize <= 0 || batches >= FEW_BATCHES) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "An epoch is only %d batch%s of %d (%,d training rows), so the network takes few steps: "
                        + "a smaller batch size or more epochs lets it learn more.",
                batches,
                batches == 1 ? "" : "es",
                batchSize,
                rows));
    }

    static int batchesPerEpoch(int rows, int batchSize) {
        // The engine's count: a last, shorter batch is still a step, and a batch never exceeds the rows.
        int batch = Math.max(1, Math.min(batchSize, rows));
        return (rows + batch - 1) / batch;
    }
}
