package org.layerlab.ui.inside;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.training.LayerOutput;
import org.layerlab.core.training.Prediction;
import org.layerlab.ui.common.LatestOnly;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.project.LoadedRun;

/**
 * Runs the images the student picks or draws through the selected run's network in the background, the
 * newest only (see {@link LatestOnly}). Used on the UI thread.
 */
final class FeatureMapJobs {

    /** An image to look at: its features made off the UI thread, and what to call it ("Your drawing."). */
    record Input(Callable<FeatureStore> features, String caption) {}

    /** The image as the network receives it, its feature maps, and its caption with the network's answer. */
    record Seen(PixelTile picture, List<MapGroup> maps, String caption) {}

    private final LatestOnly<Seen> jobs;

    FeatureMapJobs(TaskExecutor executor, Consumer<Seen> onSeen, Consumer<Throwable> onFailure) {
        this.jobs = new LatestOnly<>(executor, onSeen, onFailure);
    }

    void ask(LoadedRun run, Input input) {
        jobs.submit(() -> see(run, input));
    }

    void forget() {
        jobs.forget();
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
