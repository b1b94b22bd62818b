package org.layerlab.core.project;

import java.util.ArrayList;
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

    public Project withData(DataSettings value) {
        return new Project(value, stack, training, runs);
    }

    public Project withStack(LayerStack value) {
        return new Project(data, value, training, runs);
    }

    public Project withTraining(TrainingConfig value) {
        return new Project(data, stack, value, runs);
    }

    public Project withRun(RunRecord run) {
        List<RunRecord> all = new ArrayList<>(runs);
        all.add(run);
        return new Project(data, stack, training, all);
    }
}
