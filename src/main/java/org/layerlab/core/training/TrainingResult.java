package org.layerlab.core.training;

import java.util.List;

/**
 * A finished run: the model (null only if training never produced one), how it ended, its epochs, and the
 * epoch whose weights the model holds when early stopping kept the best ones (0: the last epoch's).
 */
public record TrainingResult(
        TrainedModel model,
        TrainingOutcome outcome,
        String message,
        List<TrainingEvent.EpochEnded> epochs,
        int bestEpoch) {

    public TrainingResult {
        epochs = List.copyOf(epochs);
    }
}
