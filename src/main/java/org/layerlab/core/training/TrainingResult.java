package org.layerlab.core.training;

import java.util.List;

/** A finished run: the model (null only if training never produced one), how it ended, and its epochs. */
public record TrainingResult(
        TrainedModel model, TrainingOutcome outcome, String message, List<TrainingEvent.EpochEnded> epochs) {

    public TrainingResult {
        epochs = List.copyOf(epochs);
    }
}
