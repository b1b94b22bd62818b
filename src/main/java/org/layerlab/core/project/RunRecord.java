package org.layerlab.core.project;

import java.util.List;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingEvent;

/**
 * One finished (or stopped) training run kept in a project: what was trained, how, every epoch's figures,
 * and {@code label}, which says what differed from the run before it. {@code data} names the data set it
 * trained on (a run list shows the runs of one data set together). {@code bestEpoch} is the epoch whose
 * weights early stopping kept (0: the last epoch's). The trained model itself lives in the run's folder.
 */
public record RunRecord(
        String name,
        String label,
        String data,
        LayerStack stack,
        TrainingConfig config,
        List<TrainingEvent.EpochEnded> epochs,
        String outcome,
        double testAccuracy,
        int bestEpoch) {

    public RunRecord {
        epochs = List.copyOf(epochs);
    }
}
