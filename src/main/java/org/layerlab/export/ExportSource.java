package org.layerlab.export;

import java.util.List;
import org.layerlab.core.training.Evaluation;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingEvent;

/**
 * What an export reads: the trained model (stack, classes, input preparation and weights) and, for the
 * report, the run's name, settings (null when unknown), epochs, and its evaluation on test data (null when
 * there is none).
 */
public record ExportSource(
        TrainedModel model,
        String runName,
        TrainingConfig config,
        List<TrainingEvent.EpochEnded> epochs,
        Evaluation test) {

    public ExportSource {
        epochs = List.copyOf(epochs);
    }

    /** A model with nothing known about how it was trained. */
    public static ExportSource of(TrainedModel model) {
        return new ExportSource(model, "model", null, List.of(), null);
    }
}
