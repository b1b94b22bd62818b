package org.layerlab.ui.tryit;

import java.util.function.Consumer;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.training.Prediction;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.project.LoadedRun;

/**
 * Predicts the student's input in the background, one prediction at a time: while one runs, only the newest
 * input waits (each new one replaces it), so a fast mouse never queues up work and the last input is always
 * the last one predicted. After {@link #forget}, answers still to come are dropped. Used on the UI thread.
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

    private record Job(int generation, LoadedRun run, Input input) {}

    private final TaskExecutor executor;
    private final Consumer<Answer> onAnswer;
    private final Consumer<Throwable> onFailure;
    private int generation;
    private boolean running;
    private Job waiting;

    LatestInputPredictor(TaskExecutor executor, Consumer<Answer> onAnswer, Consumer<Throwable> onFailure) {
        this.executor = executor;
        this.onAnswer = onAnswer;
        this.onFailure = onFailure;
    }

    void request(LoadedRun run, Input input) {
        Job job = new Job(generation, run, input);
        if (running) {
            waiting = job;
        } else {
            start(job);
        }
    }

    /** Drops the waiting input and the answer of the running one: they belong to an input that is gone. */
    void forget() {
        generation++;
        waiting = null;
    }

    private void start(Job job) {
        running = true;
        executor.submit(
                () -> {
                    Prepared prepared = job.input().prepare();
                    Prediction prediction = job.run()
                            .apply(model -> model.predict(prepared.features()).get(0));
                    return new Answer(job.run(), prepared, prediction);
                },
                answer -> {
                    // Shown before the next job starts: an executor on this thread would otherwise show it last.
                    if (job.generation() == generation) {
                        onAnswer.accept(answer);
                    }
                    next();
                },
                failure -> {
                    if (job.generation() == generation) {
                        onFailure.accept(failure);
                    }
                    next();
                });
    }

    private void next() {
        running = false;
        Job job = waiting;
        waiting = null;
        if (job != null) {
            start(job);
        }
    }
}
