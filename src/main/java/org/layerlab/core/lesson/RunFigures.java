package org.layerlab.core.lesson;

import java.util.List;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.stack.ShapeInference;
import org.layerlab.core.training.TrainingEvent.EpochEnded;
import org.layerlab.core.training.TrainingOutcome;

/**
 * What a lesson's "what happened" is read from: one finished run's outcome and figures. {@code keptEpoch} is
 * the epoch whose weights early stopping kept (0: the last one's); {@code testAccuracy} is NaN without a
 * model (a diverged run).
 */
public record RunFigures(
        String role,
        TrainingOutcome outcome,
        int epochsPlanned,
        List<EpochEnded> epochs,
        double testAccuracy,
        int keptEpoch,
        long parameters) {

    public RunFigures {
        epochs = List.copyOf(epochs);
    }

    public static RunFigures of(String role, RunRecord run) {
        return new RunFigures(
                role,
                TrainingOutcome.valueOf(run.outcome()),
                run.config().epochs(),
                run.epochs(),
                run.testAccuracy(),
                run.bestEpoch(),
                ShapeInference.summarize(run.stack()).totalParameters());
    }

    public int epochsDone() {
        return epochs.size();
    }

    /** The last finished epoch; only call when {@link #epochsDone()} is above 0. */
    public EpochEnded last() {
        return epochs.get(epochs.size() - 1);
    }

    /** The epoch with the lowest validation loss (the first such), or 0 if none was measured. */
    public int bestValidationEpoch() {
        int best = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (EpochEnded epoch : epochs) {
            if (epoch.validationLoss() < lowest) {
                lowest = epoch.validationLoss();
                best = epoch.epoch();
            }
        }
        return best;
    }

    public boolean diverged() {
        return outcome == TrainingOutcome.DIVERGED;
    }
}
