package org.layerlab.cli;

import org.layerlab.core.data.Split;
import org.layerlab.data.DataFormat;
import org.layerlab.data.DataRequest;
import org.layerlab.data.MissingValues;
import picocli.CommandLine.Option;

/** The options that say which data to load and how; shared by train, evaluate and inspect. */
final class DataOptions {
    @Option(
            names = "--data",
            required = true,
            paramLabel = "DATA",
            description = "A CSV/TSV file, a folder of IDX files or of class folders, or sample:NAME "
                    + "(see 'layerlab samples').")
    String source;

    @Option(
            names = "--label",
            paramLabel = "COLUMN",
            description = "The label column of a table (default: a column named label, class, target or y, else the "
                    + "last column).")
    String label;

    @Option(names = "--text-column", paramLabel = "COLUMN", description = "The column of sentences in a text table.")
    String textColumn;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "auto",
            description = "auto, csv, text, idx or images (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--image-size",
            paramLabel = "PIXELS",
            defaultValue = "0",
            description = "Resize images to PIXELS×PIXELS (default: the first image's size).")
    int imageSize;

    @Option(names = "--grey", description = "Read images as one grey channel.")
    boolean grey;

    @Option(names = "--fill-missing", description = "Fill missing table cells instead of leaving such rows out.")
    boolean fillMissing;

    @Option(
            names = "--test-fraction",
            paramLabel = "F",
            defaultValue = "0.2",
            description = "Share of rows held out for the test set when the data has none (default: ${DEFAULT-VALUE}).")
    double testFraction;

    DataRequest request(double validationFraction, long seed) {
        Split split;
        try {
            split = new Split(validationFraction, testFraction, seed);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + ".");
        }
        return request(split);
    }

    DataRequest request(Split split) {
        DataFormat dataFormat;
        try {
            dataFormat = DataFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("unknown --format '" + format + "'; use auto, csv, text, idx or images.");
        }
        return DataRequest.of(source)
                .withFormat(dataFormat)
                .withLabelColumn(label)
                .withTextColumn(textColumn)
                .withImages(imageSize, grey)
                .withMissing(fillMissing ? MissingValues.FILL : MissingValues.DROP)
                .withSplit(split);
    }
}
