package org.layerlab.ui.training;

import java.util.concurrent.Callable;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Split;
import org.layerlab.core.project.DataSettings;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.core.training.TrainingOutcome;
import org.layerlab.core.training.TrainingResult;
import org.layerlab.data.DataLoading;
import org.layerlab.data.DataRequests;
import org.layerlab.files.RunStore;

/**
 * The background part of one run: split the data again if the validation share or seed changed since it
 * was loaded, train, test the model, and keep it on disk (Results, Try it and Export load it from there).
 */
final class RunJob implements Callable<RunRecord> {

    /** What the run trains: its name, label, data, stack and settings. */
    record Plan(String name, String label, String data, LayerStack stack, TrainingConfig config) {

        /** The record of a run that failed before the engine could say how it ended. */
        RunRecord failed() {
            return new RunRecord(
                    name,
                    label,
                    data,
                    stack,
                    config,
                    java.util.List.of(),
                    TrainingOutcome.FAILED.name(),
                    Double.NaN,
                    0);
        }
    }

    private final Plan plan;
    private final Dataset data;
    private final DataSettings dataSettings;
    private final TrainingEngine engine;
    private final RunStore store;
    private final TrainingObserver observer;
    private final TrainingControl control;

    RunJob(
            Plan plan,
            Dataset data,
            DataSettings dataSettings,
            TrainingEngine engine,
            RunStore store,
            TrainingObserver observer,
            TrainingControl control) {
        this.plan = plan;
        this.data = data;
        this.dataSettings = dataSettings;
        this.engine = engine;
        this.store = store;
        this.observer = observer;
        this.control = control;
    }

    @Override
    public RunRecord call() throws Exception {
        TrainingConfig config = plan.config();
        Dataset trainOn = dataSettings != null && !sameSplit(data, config)
                ? DataLoading.load(DataRequests.from(dataSettings, config.validationFraction(), config.seed()))
                : data;
        TrainingResult result = engine.train(trainOn, plan.stack(), config, observer, control);
        double testAccuracy = Double.NaN;
        if (result.model() != null) {
            try (TrainedModel model = result.model()) {
                testAccuracy = trainOn.test().count() == 0
                        ? Double.NaN
                        : model.evaluate(trainOn.test()).accuracy();
                store.save(plan.name(), model);
            }
        }
        return new RunRecord(
                plan.name(),
                plan.label(),
                plan.data(),
                plan.stack(),
                config,
                result.epochs(),
                result.outcome().name(),
                testAccuracy,
                result.bestEpoch());
    }

    private static boolean sameSplit(Dataset data, TrainingConfig config) {
        Split split = data.split();
        return split.validationFraction() == config.validationFraction() && split.seed() == config.seed();
    }
}
