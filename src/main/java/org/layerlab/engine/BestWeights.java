package org.layerlab.engine;

import ai.djl.nn.Parameter;
import java.util.List;
import org.layerlab.core.training.EarlyStopping;

/** Tracks the best validation loss for early stopping and, if asked, keeps a copy of the best weights. */
final class BestWeights implements AutoCloseable {
    private final EarlyStopping rule;
    private final WeightCopy copy;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int epochsWithoutImprovement;

    BestWeights(List<Parameter> parameters, EarlyStopping rule) {
        this.rule = rule;
        this.copy = new WeightCopy(parameters);
    }

    /** Records an epoch's validation loss; returns true when training should stop. */
    boolean record(int epoch, double validationLoss) {
        if (!rule.enabled() || Double.isNaN(validationLoss)) {
            return false;
        }
        if (validationLoss < bestLoss) {
            bestLoss = validationLoss;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
            if (rule.keepBestWeights()) {
                copy.take();
            }
            return false;
        }
        epochsWithoutImprovement++;
        return epochsWithoutImprovement >= rule.patience();
    }

    /** Puts the best epoch's weights back if they were kept; returns that epoch, or 0 when none was kept. */
    int restoreIfKept() {
        if (copy.isEmpty()) {
            return 0;
        }
        copy.restore();
        return bestEpoch;
    }

    boolean keptWeights() {
        return !copy.isEmpty() || copy.isRestored();
    }

    String restoredNote() {
        return !keptWeights()
                ? ""
                : "; kept the weights of epoch " + bestEpoch + " (best validation loss "
                        + String.format("%.4f", bestLoss) + ")";
    }

    @Override
    public void close() {
        copy.close();
    }
}
