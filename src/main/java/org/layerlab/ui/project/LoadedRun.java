package org.layerlab.ui.project;

import java.util.function.Function;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.TrainedModel;

/**
 * The trained model of one run, loaded from the run's folder. Background jobs of several screens may use it
 * at once while the student selects another run, which closes it: {@link #apply} lets one job at a time
 * use the model and refuses once it is closed, so a job never touches freed native memory.
 */
public final class LoadedRun implements AutoCloseable {
    private final RunRecord run;
    private final ModelInfo info;
    private TrainedModel model;

    public LoadedRun(RunRecord run, TrainedModel model) {
        this.run = run;
        this.info = model.info();
        this.model = model;
    }

    public RunRecord run() {
        return run;
    }

    /** Classes, input shape and preprocessing of the model; readable on any thread. */
    public ModelInfo info() {
        return info;
    }

    /** Runs {@code work} with the model; call it off the UI thread. */
    public synchronized <T> T apply(Function<TrainedModel, T> work) {
        if (model == null) {
            throw new IllegalStateException(run.name() + " is no longer selected; select it again.");
        }
        return work.apply(model);
    }

    public synchronized boolean isClosed() {
        return model == null;
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
