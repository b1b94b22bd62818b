package org.layerlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.layerlab.core.training.RunningAverage;
import org.layerlab.core.training.TrainingEvent;
import org.layerlab.core.training.TrainingObserver;

/**
 * Prints training progress: on a terminal, a progress bar redrawn at most ten times a second; always, one
 * line per epoch.
 */
final class ProgressPrinter implements TrainingObserver {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private long lastDraw;
    private final RunningAverage smoothedLoss = new RunningAverage();
    private int epochs;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started started) {
            epochs = started.epochs();
            out.printf(
                    Locale.ROOT,
                    "Training on %,d samples (%,d for validation), %d batches per epoch%n",
                    started.trainSamples(),
                    started.validationSamples(),
                    started.batchesPerEpoch());
            out.flush();
        } else if (event instanceof TrainingEvent.BatchEnded batch) {
            smoothedLoss.add(batch.loss());
            long now = System.nanoTime();
            if (terminal && (now - lastDraw > REDRAW_NANOS || batch.batch() == batch.batchesPerEpoch())) {
                lastDraw = now;
                drawBar(batch);
            }
        } else if (event instanceof TrainingEvent.EpochEnded epoch) {
            if (terminal) {
                out.print("\r" + " ".repeat(100) + "\r");
            }
            out.println(epochLine(epoch));
            out.flush();
        }
    }

    private void drawBar(TrainingEvent.BatchEnded batch) {
        int filled = (int) Math.round((double) BAR * batch.batch() / batch.batchesPerEpoch());
        out.printf(
                Locale.ROOT,
                "\rEpoch %d/%d [%s%s] %d/%d  loss %.4f  %,.0f samples/s",
                batch.epoch(),
                epochs,
                "#".repeat(filled),
                ".".repeat(BAR - filled),
                batch.batch(),
                batch.batchesPerEpoch(),
                smoothedLoss.value(),
                batch.samplesPerSecond());
        out.flush();
    }

    static String epochLine(TrainingEvent.EpochEnded e) {
        String validation = Double.isNaN(e.validationLoss())
                ? ""
                : String.format(
                        Locale.ROOT, "  val_loss %.4f  val_acc %.4f", e.validationLoss(), e.validationAccuracy());
        return String.format(
                Locale.ROOT,
                "Epoch %d/%d  loss %.4f  acc %.4f%s  %.1fs  %,.0f samples/s",
                e.epoch(),
                e.epochs(),
                e.trainLoss(),
                e.trainAccuracy(),
                validation,
                e.elapsed().toMillis() / 1000.0,
                e.samplesPerSecond());
    }
}
