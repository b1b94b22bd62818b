package org.layerlab.ui.tryit;

import java.util.function.Consumer;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.training.Prediction;
import org.layerlab.ui.common.LatestOnly;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.project.LoadedRun;

/**
 * Predicts the student's input in the background, the newest input only (see {@link LatestOnly}): the last
 * input is always the last one predicted. Used on the UI thread.
 */
final class LatestInputPredictor {

    /** An input made ready for the model; {@code preview} and {@code note} may be null. */
    record Prepared(FeatureStore features, TryItViewModel.PreparedImage preview, String note) {}

    /** Prepares an input off the UI thread. */
    @FunctionalInterface
    interface Input {
        Prepared prepare() throws Exception;
    }

    /** The model's answer for one input. */
    record Answer(LoadedRun run, Prepared input, Prediction prediction) {}

    private final LatestOnly<Answer> jobs;

    LatestInputPredictor(TaskExecutor executor, Consumer<Answer> onAnswer, Consumer<Throwable> onFailure) {
        this.jobs = new LatestOnly<>(executor, onAnswer, onFailure);
    }

    void request(LoadedRun run, Input input) {
        jobs.submit(() -> {
            Prepared prepared = input.prepare();
            Prediction prediction =
                    run.apply(model -> model.predict(prepared.features()).get(0));
            return new Answer(run, prepared, prediction);
        });
    }

    /** Drops the waiting input and the answer of the running one: they belong to an input that is gone. */
    void forget() {
        jobs.forget();
    }
}
