package org.layerlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Split;
import org.layerlab.data.TablePreview;

/** What 'inspect' prints about loaded data: the Data tab's summary, columns, classes, split and notes. */
final class DataReport {
    private final PrintWriter out;

    DataReport(PrintWriter out) {
        this.out = out;
    }

    /** {@code preview} holds the columns of a table, null for images. */
    void print(String source, Dataset data, TablePreview preview) {
        out.println("Source: " + source + (source.endsWith(data.name()) ? "" : " (" + data.name() + ")"));
        out.println("Format: " + format(data, preview));
        if (preview != null) {
            printColumns(preview, labelColumn(data));
        }
        printClasses(data);
        out.printf(
                Locale.ROOT,
                "Split: %,d training / %,d validation / %,d test (%s)%n",
                data.train().count(),
                data.validation().count(),
                data.test().count(),
                splitSettings(data));
        if (!data.notes().isEmpty()) {
            out.println("Notes:");
            data.notes().forEach(note -> out.println("  " + note));
        }
    }

    /**
     * The fractions and seed behind the split. Data that comes with its own test set (MNIST's t10k, a test
     * folder) has a test part of another size than the test fraction would give.
     */
    private static String splitSettings(Dataset data) {
        Split split = data.split();
        boolean ownTest = data.test().count() != Math.round(data.totalCount() * split.testFraction());
        return String.format(
                Locale.ROOT,
                "validation %s, %s, seed %d",
                split.validationFraction(),
                ownTest ? "the test set came with the data" : "test " + split.testFraction(),
                split.seed());
    }

    private static String format(Dataset data, TablePreview preview) {
        String samples = String.format(Locale.ROOT, "%,d samples", data.totalCount());
        String rows = preview == null ? samples : rows(preview.rowCount(), data.totalCount());
        return switch (data.kind()) {
            case TABULAR ->
                String.format(
                        Locale.ROOT,
                        "table, %s, %d columns; each row gives the network %d numbers",
                        rows,
                        preview == null ? 0 : preview.columns().size(),
                        data.inputShape()[0]);
            case TEXT ->
                String.format(
                        Locale.ROOT, "text table, %s; each sentence becomes %d token ids", rows, data.inputShape()[0]);
            case IMAGE -> imageFormat(data, samples);
        };
    }

    /** The file's rows, and the samples made of them when rows were left out or a test file was added. */
    private static String rows(int rows, int samples) {
        String text = String.format(Locale.ROOT, "%,d rows", rows);
        if (samples < rows) {
            return text + String.format(Locale.ROOT, ", %,d of them usable", samples);
        }
        return samples > rows ? text + String.format(Locale.ROOT, " (%,d samples with the test file)", samples) : text;
    }

    private static String imageFormat(Dataset data, String samples) {
        int[] shape = data.inputShape();
        int channels = shape[0];
        String colour = channels == 1 ? "grey" : channels == 3 ? "colour (RGB)" : channels + " channels";
        return String.format(Locale.ROOT, "images, %s of %d×%d pixels, %s", samples, shape[2], shape[1], colour);
    }

    private static String labelColumn(Dataset data) {
        return data.preprocessing() instanceof Preprocessing.Tabular table ? table.labelColumn() : null;
    }

    private void printColumns(TablePreview preview, String label) {
        List<TablePreview.ColumnStats> stats = preview.stats();
        int width = Math.max(
                "Column".length(),
                stats.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        out.println("Columns:");
        out.println("  " + pad("Column", width) + "  " + pad("Type", 6) + "  Missing  Statistics");
        for (TablePreview.ColumnStats column : stats) {
            out.println("  " + pad(column.name(), width) + "  " + pad(column.type(), 6) + "  "
                    + String.format(Locale.ROOT, "%7d", column.missing()) + "  " + column.summary()
                    + (column.name().equals(label) ? " (the label)" : ""));
        }
    }

    private void printClasses(Dataset data) {
        int[] counts = new int[data.classCount()];
        for (var part : List.of(data.train(), data.validation(), data.test())) {
            int[] partCounts = part.classCounts(data.classCount());
            for (int c = 0; c < counts.length; c++) {
                counts[c] += partCounts[c];
            }
        }
        List<String> names = data.classNames();
        int width = names.stream().mapToInt(String::length).max().orElse(0);
        out.println("Classes: " + names.size());
        for (int c = 0; c < names.size(); c++) {
            out.println("  " + pad(names.get(c), width) + String.format(Locale.ROOT, "  %,d", counts[c]));
        }
    }

    /** {@code text} padded to {@code width}, never cut. */
    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
