package org.layerlab.ui.bench;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.Template;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.StackCompatibility;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.core.training.TrainingResult;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.ui.LayerLabApp;
import org.layerlab.ui.MainWindow;
import org.layerlab.ui.common.FxTaskExecutor;

/**
 * Measures, in a real window, what training costs when it is watched: one epoch of MNIST with the MLP or CNN
 * template started from the Training screen, against the same run without a screen (as the CLI trains),
 * alternating; and the longest gap between two frames of the window while it trains, which bounds how
 * long the UI thread was ever busy. Run it under a display (Xvfb works):
 * {@code DISPLAY=:99 java -cp "target/layerlab.jar:target/lib/*" org.layerlab.ui.bench.UiBenchmark [mlp|cnn] [runs]}.
 */
public final class UiBenchmark {
    private static final double FRAME_MS = 1000.0 / 60;
    private static final int TRAINING_TAB = 3;
    private static final int RESULTS_TAB = 4;
    private static final int TRY_IT_TAB = 5;

    private UiBenchmark() {}

    public static void main(String[] args) throws Exception {
        LatencyProbe probe = new LatencyProbe();
        String model = args.length > 0 ? args[0] : "mlp";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Template template = model.equals("cnn") ? Template.MNIST_CNN : Template.MNIST_MLP;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        FxTaskExecutor executor = new FxTaskExecutor();
        MainWindow window = onFx(() -> {
            MainWindow w = LayerLabApp.build(
                    new Stage(), new DjlTrainingEngine(), executor, Files.createTempDirectory("layerlab-bench"));
            w.stage().show();
            // As the CLI run: no validation split, set before loading so that Start trains on the loaded data.
            w.training().validationFractionProperty().set(0.0);
            w.data().loadSample("mnist");
            return w;
        });
        waitUntil(() -> window.projects().state().datasetProperty().get() != null);
        onFx(() -> {
            window.network().applyTemplate(template);
            window.training().epochsProperty().set(1);
            window.tabs().getSelectionModel().select(TRAINING_TAB);
            return null;
        });
        Dataset data = window.projects().state().datasetProperty().get();
        double[] cli = new double[runs];
        double[] gui = new double[runs];
        double longestGap = 0;
        double longestPulse = 0;
        double longestOpening = 0;
        for (int run = 0; run < runs; run++) {
            cli[run] = headless(window, data);
            FrameWatch watch = onFx(FrameWatch::new);
            onFx(() -> {
                watch.start();
                probe.start();
                window.training().start();
                return null;
            });
            waitUntil(() -> !window.training().runningProperty().get());
            onFx(() -> {
                probe.stop();
                watch.stop();
                return null;
            });
            var record = window.projects()
                    .state()
                    .runs()
                    .get(window.projects().state().runs().size() - 1);
            gui[run] = record.epochs().get(0).samplesPerSecond();
            longestGap = Math.max(longestGap, watch.longestGapMs);
            longestPulse = Math.max(longestPulse, probe.longestMs());
            System.out.printf(
                    Locale.ROOT,
                    "run %d: CLI %,.0f samples/s, GUI %,.0f samples/s, UI thread busy at most "
                            + "%.1f ms (%.2f s after Start), longest frame gap %.1f ms%n",
                    run + 1,
                    cli[run],
                    gui[run],
                    probe.longestMs(),
                    probe.longestAtSeconds(),
                    watch.longestGapMs);
            // Results and Try it build what they show when they are opened: what that costs a student.
            double results = open(window, probe, RESULTS_TAB);
            double tryIt = open(window, probe, TRY_IT_TAB);
            open(window, probe, TRAINING_TAB);
            longestOpening = Math.max(longestOpening, Math.max(results, tryIt));
            System.out.printf(
                    Locale.ROOT,
                    "       then opening Results: UI thread busy at most %.1f ms; Try it: %.1f ms%n",
                    results,
                    tryIt);
        }
        double ratio = median(gui) / median(cli);
        System.out.printf(
                Locale.ROOT,
                "%s, one epoch of MNIST, medians of %d: CLI %,.0f samples/s, GUI %,.0f samples/s, "
                        + "ratio %.2f; while training the UI thread was busy at most %.1f ms at a stretch, and the longest gap "
                        + "between frames was %.1f ms (a frame is %.1f ms); opening Results or Try it after a run took "
                        + "at most %.1f ms%n",
                model,
                runs,
                median(cli),
                median(gui),
                ratio,
                longestPulse,
                longestGap,
                FRAME_MS,
                longestOpening);
        System.out.println("Reproduce: Xvfb :99 & DISPLAY=:99 java -cp \"target/layerlab.jar:target/lib/*\" "
                + "org.layerlab.ui.bench.UiBenchmark " + model + " " + runs);
        executor.close();
        Platform.exit();
    }

    /**
     * Selects tab {@code index} once the finished run's model is open and measured, as a student clicks it,
     * and returns the UI thread's longest stretch until the tab is on the screen.
     */
    private static double open(MainWindow window, LatencyProbe probe, int index) throws Exception {
        waitUntil(() -> window.projects().state().selectedModelProperty().get() != null
                && !window.results().busyProperty().get());
        probe.start();
        CompletableFuture<Void> drawn = new CompletableFuture<>();
        onFx(() -> {
            window.tabs().getSelectionModel().select(index);
            new org.layerlab.ui.common.FxDispatcher().afterShown(() -> drawn.complete(null));
            return null;
        });
        drawn.get(60, TimeUnit.SECONDS);
        onFx(() -> {
            probe.stop();
            return null;
        });
        return probe.longestMs();
    }

    private static double headless(MainWindow window, Dataset data) {
        TrainingConfig config = window.training().config();
        StackCompatibility.Result check = StackCompatibility.check(
                window.projects().state().stackProperty().get().withInput(TensorShape.of(data.inputShape())),
                data,
                config.loss());
        TrainingResult result = new DjlTrainingEngine()
                .train(data, check.stack(), config, TrainingObserver.NONE, new TrainingControl());
        result.model().close();
        return result.epochs().get(0).samplesPerSecond();
    }

    /**
     * Every 5 ms posts a task to the UI thread and notes how long it waited to run: the longest wait is the
     * longest time the UI thread was busy with something else, which is what a click would have waited.
     */
    private static final class LatencyProbe {
        private final java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "latency-probe");
                    thread.setDaemon(true);
                    return thread;
                });
        private final org.layerlab.ui.common.FxDispatcher fx = new org.layerlab.ui.common.FxDispatcher();
        private java.util.concurrent.ScheduledFuture<?> ticking;
        private volatile double longestMs;
        private volatile long startedAt;
        private volatile long longestAt;

        void start() {
            longestMs = 0;
            startedAt = System.nanoTime();
            ticking = timer.scheduleAtFixedRate(
                    () -> {
                        long posted = System.nanoTime();
                        fx.dispatch(() -> {
                            double waited = (System.nanoTime() - posted) / 1e6;
                            if (waited > longestMs) {
                                longestMs = waited;
                                longestAt = posted;
                            }
                        });
                    },
                    0,
                    5,
                    TimeUnit.MILLISECONDS);
        }

        void stop() {
            ticking.cancel(false);
        }

        double longestMs() {
            return longestMs;
        }

        /** Seconds from Start to the moment the longest wait began. */
        double longestAtSeconds() {
            return (longestAt - startedAt) / 1e9;
        }
    }

    /** Records the longest interval between two animation frames while it runs. */
    private static final class FrameWatch extends AnimationTimer {
        private long last;
        private double longestGapMs;

        @Override
        public void handle(long now) {
            if (last != 0) {
                longestGapMs = Math.max(longestGapMs, (now - last) / 1e6);
            }
            last = now;
        }
    }

    private interface FxWork<T> {
        T run() throws Exception;
    }

    private static <T> T onFx(FxWork<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        new org.layerlab.ui.common.FxDispatcher().dispatch(() -> {
            try {
                result.complete(work.run());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the workbench did not finish in 10 minutes");
            }
            Thread.sleep(50);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
