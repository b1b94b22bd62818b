package org.layerlab.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerlab.core.training.TrainingEvent;

/**
 * Each epoch's figures as CSV, for a spreadsheet or a plot (train writes DIR/metrics.csv), and read back
 * for a report on a run folder. Empty cells where there was no validation.
 */
public final class MetricsFile {
    static final String HEADER = "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,"
            + "elapsed_seconds,samples_per_second";
    private static final String[] COLUMNS = HEADER.split(",", -1);

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

    /**
     * The epochs of a metrics.csv that {@link #write} made. Empty cells read as NaN (no validation); each
     * epoch's planned total ({@code epochs()}) is the last epoch in the file, since the file does not hold
     * it. A damaged file is refused with its line number and what is wrong there.
     */
    public static List<TrainingEvent.EpochEnded> read(Path file) throws FileFormatException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FileFormatException(
                    file + ": cannot be read (" + e.getMessage() + "); give the metrics.csv a training run wrote.", e);
        }
        if (lines.isEmpty() || !strip(lines.get(0)).equals(HEADER)) {
            throw new FileFormatException(
                    file + ", line 1: is not a LayerLab metrics file; the first line should be \"" + HEADER + "\".");
        }
        List<double[]> rows = new ArrayList<>();
        int previous = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = strip(lines.get(i));
            if (line.isBlank()) {
                continue;
            }
            String where = file + ", line " + (i + 1) + ": ";
            String[] cells = line.split(",", -1);
            if (cells.length != COLUMNS.length) {
                throw new FileFormatException(where + "has " + cells.length + " values but " + COLUMNS.length
                        + " are expected (" + HEADER + "); the file is damaged, train again or fix that line.");
            }
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                row[c] = cell(cells[c], c, where);
            }
            int epoch = (int) row[0];
            if (row[0] != epoch || epoch <= previous) {
                throw new FileFormatException(where + "epoch \"" + cells[0] + "\" should be a whole number above "
                        + previous + " (epochs count up from 1); the file is damaged.");
            }
            previous = epoch;
            rows.add(row);
        }
        List<TrainingEvent.EpochEnded> epochs = new ArrayList<>();
        for (double[] row : rows) {
            epochs.add(new TrainingEvent.EpochEnded(
                    (int) row[0],
                    previous,
                    row[1],
                    row[2],
                    row[3],
                    row[4],
                    Double.isNaN(row[5]) ? Duration.ZERO : Duration.ofMillis(Math.round(row[5] * 1000)),
                    row[6]));
        }
        return epochs;
    }

    private static double cell(String text, int column, String where) throws FileFormatException {
        String value = text.strip();
        if (value.isEmpty()) {
            if (column == 0) {
                throw new FileFormatException(where + "the epoch is missing; the file is damaged.");
            }
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new FileFormatException(
                    where + "\"" + value + "\" in column " + COLUMNS[column] + " is not a number; the file is damaged, "
                            + "train again or fix that line.",
                    e);
        }
    }

    /** Lines as a spreadsheet may save them: with a byte-order mark or a carriage return. */
    private static String strip(String line) {
        String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
    }
}
