package org.layerlab.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.layerlab.core.training.TrainingEvent;

/** Each epoch's figures as CSV, for a spreadsheet or a plot. Empty cells where there was no validation. */
public final class MetricsFile {
    static final String HEADER = "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,"
            + "elapsed_seconds,samples_per_second";

    private MetricsFile() {}

    public static void write(Path file, List<TrainingEvent.EpochEnded> epochs) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (TrainingEvent.EpochEnded e : epochs) {
            csv.append(e.epoch())
                    .append(',')
                    .append(number(e.trainLoss()))
                    .append(',')
                    .append(number(e.trainAccuracy()))
                    .append(',')
                    .append(number(e.validationLoss()))
                    .append(',')
                    .append(number(e.validationAccuracy()))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.3f", e.elapsed().toMillis() / 1000.0))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.1f", e.samplesPerSecond()))
                    .append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
    }
}
