package org.layerlab.ui.inside;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.training.LayerOutput;
import org.layerlab.core.training.Prediction;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.project.LoadedRun;

/**
 * Runs the images the student picks or draws through the selected run's network in the background, one at
 * a time: while one runs only the newest waits (each new one replaces it), so a drawing mouse never queues
 * up work. After {@link #forget}, answers still to come are dropped. Used on the UI thread.
 */
final class FeatureMapJobs {

    /** An image to look at: its features made off the UI thread, and what to call it ("Your drawing."). */
    record Input(Callable<FeatureStore> features, String caption) {}

    /** The image as the network receives it, its feature maps, and its caption with the network's answer. */
    record Seen(PixelTile picture, List<MapGroup> maps, String caption) {}

    private record Job(int generation, LoadedRun run, Input input) {}

    private final TaskExecutor executor;
    private final Consumer<Seen> onSeen;
    private final Consumer<Throwable> onFailure;
    private int generation;
    private boolean running;
    private Job waiting;

    FeatureMapJobs(TaskExecutor executor, Consumer<Seen> onSeen, Consumer<Throwable> onFailure) {
        this.executor = executor;
        this.onSeen = onSeen;
        this.onFailure = onFailure;
    }

    void ask(LoadedRun run, Input input) {
        Job job = new Job(generation, run, input);
        if (running) {
            waiting = job;
        } else {
            start(job);
        }
    }

    void forget() {
        generation++;
        waiting = null;
    }

    private void start(Job job) {
        running = true;
        executor.submit(
                () -> see(job.run(), job.input()),
                seen -> {
                    if (job.generation() == generation) {
                        onSeen.accept(seen);
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

    private static Seen see(LoadedRun run, Input input) throws Exception {
        FeatureStore one = input.features().call();
        List<String> classes = run.info().classNames();
        PixelTile picture = FeatureMaps.input(one.sample(0), run.info().inputShape());
        return run.apply(model -> {
            List<LayerOutput> outputs = model.layerOutputs(one);
            Prediction prediction = model.predict(one).get(0);
            int answer = prediction.predictedClass();
            return new Seen(
                    picture,
                    FeatureMaps.of(run.run().stack(), outputs),
                    String.format(
                            Locale.ROOT,
                            "%s The network says %s (%.0f\u00a0%%).",
                            input.caption(),
                            classes.get(answer),
                            100 * prediction.probabilities()[answer]));
        });
    }
}
