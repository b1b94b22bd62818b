package org.layerlab.ui.training;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerlab.core.training.TrainingEvent;

/**
 * The progress bar and line of the run training now, counted in that run's epochs (not the form's, which
 * may have been edited since), with its speed and the time left; after the run, how it ended.
 */
final class RunProgress {
    private static final String NOT_STARTED = "Not started";

    private final DoubleProperty fraction = new SimpleDoubleProperty(0);
    private final StringProperty line = new SimpleStringProperty(NOT_STARTED);
    private long startedNanos;

    void starting() {
        fraction.set(0);
        line.set("Starting…");
        startedNanos = System.nanoTime();
    }

    void epochEnded(TrainingEvent.EpochEnded epoch) {
        fraction.set((double) epoch.epoch() / epoch.epochs());
    }

    void batchEnded(RunView run, TrainingEvent.BatchEnded batch) {
        int total = run.epochs() * batch.batchesPerEpoch();
        int done = (batch.epoch() - 1) * batch.batchesPerEpoch() + batch.batch();
        fraction.set((double) done / total);
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        line.set(String.format(
                Locale.ROOT,
                "Epoch %d/%d · batch %d/%d · %,.0f samples/s · %s left",
                batch.epoch(),
                run.epochs(),
                batch.batch(),
                batch.batchesPerEpoch(),
                batch.samplesPerSecond(),
                duration(seconds / done * (total - done))));
    }

    void paused() {
        line.set("Paused · " + line.get());
    }

    /** The run ended; {@code result} says how ("completed, test accuracy 0.953"). */
    void ended(RunView run, String result, boolean completed) {
        line.set(run.name() + ": " + result);
        if (completed) {
            fraction.set(1);
        }
    }

    void reset() {
        fraction.set(0);
        line.set(NOT_STARTED);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }

    DoubleProperty fraction() {
        return fraction;
    }

    StringProperty line() {
        return line;
    }
}
