package org.layerlab.core.training;

import java.util.ArrayList;
import java.util.List;

/** Everything that decides how a stack is trained, apart from the stack and the data. */
public record TrainingConfig(
        OptimizerSettings optimizer,
        LossKind loss,
        int epochs,
        int batchSize,
        double validationFraction,
        long seed,
        EarlyStopping earlyStopping) {

    public static final TrainingConfig DEFAULT = new TrainingConfig(
            OptimizerSettings.defaults(OptimizerKind.ADAM),
            LossKind.SOFTMAX_CROSS_ENTROPY,
            5,
            128,
            0.1,
            42,
            EarlyStopping.OFF);

    public TrainingConfig withOptimizer(OptimizerSettings value) {
        return new TrainingConfig(value, loss, epochs, batchSize, validationFraction, seed, earlyStopping);
    }

    public TrainingConfig withLoss(LossKind value) {
        return new TrainingConfig(optimizer, value, epochs, batchSize, validationFraction, seed, earlyStopping);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(optimizer, loss, value, batchSize, validationFraction, seed, earlyStopping);
    }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(optimizer, loss, epochs, value, validationFraction, seed, earlyStopping);
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(optimizer, loss, epochs, batchSize, validationFraction, value, earlyStopping);
    }

    public TrainingConfig withEarlyStopping(EarlyStopping value) {
        return new TrainingConfig(optimizer, loss, epochs, batchSize, validationFraction, seed, value);
    }

    /** What is wrong with these settings, in words a student can act on; empty when they are fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(optimizer.problems());
        if (epochs < 1) {
            problems.add("epochs must be at least 1 but is " + epochs);
        }
        if (batchSize < 1) {
            problems.add("batch size must be at least 1 but is " + batchSize);
        }
        if (validationFraction < 0 || validationFraction >= 0.9) {
            problems.add("validation fraction must be in [0, 0.9) but is " + validationFraction);
        }
        if (earlyStopping.patience() < 0) {
            problems.add("early-stopping patience must be 0 (off) or more but is " + earlyStopping.patience());
        }
        return problems;
    }
}
