package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.training.EarlyStopping;

/** Tracks the best validation loss for early stopping and, if asked, keeps a copy of the best weights. */
final class BestWeights implements AutoCloseable {
    private final List<Parameter> parameters;
    private final EarlyStopping rule;
    private final List<NDArray> copies = new ArrayList<>();
    private NDManager scope;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int epochsWithoutImprovement;

    BestWeights(List<Parameter> parameters, EarlyStopping rule) {
        this.parameters = parameters;
        this.rule = rule;
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
                snapshot();
            }
            return false;
        }
        epochsWithoutImprovement++;
        return epochsWithoutImprovement >= rule.patience();
    }

    private void snapshot() {
        close();
        scope = parameters.get(0).getArray().getManager().newSubManager();
        for (Parameter p : parameters) {
            NDArray copy = p.getArray().duplicate();
            copy.attach(scope);
            copies.add(copy);
        }
    }

    /** Puts the best epoch's weights back if they were kept; returns that epoch, or 0 when none was kept. */
    int restoreIfKept() {
        if (copies.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < parameters.size(); i++) {
            copies.get(i).copyTo(parameters.get(i).getArray());
        }
        return bestEpoch;
    }

    String restoredNote() {
        return copies.isEmpty()
                ? ""
                : "; kept the weights of epoch " + bestEpoch + " (best validation loss "
                        + String.format("%.4f", bestLoss) + ")";
    }

    @Override
    public void close() {
        copies.clear();
        if (scope != null) {
            scope.close();
            scope = null;
        }
    }
}
