package org.layerlab.core.project;

import java.util.List;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.TrainingConfig;

/** Everything a student's work is: the data reference, the stack, the training settings and the runs. */
public record Project(DataSettings data, LayerStack stack, TrainingConfig training, List<RunRecord> runs) {

    public Project {
        runs = List.copyOf(runs);
    }

    public static Project empty() {
        return new Project(null, new LayerStack(null, List.of()), TrainingConfig.DEFAULT, List.of());
    }
}
