package org.layerlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerlab.core.training.Prediction;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.data.DataLoadException;
import org.layerlab.data.InputReader;
import org.layerlab.data.MissingValues;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.files.FileFormatException;
import org.layerlab.files.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "predict",
        description = "Classify new input with a saved model: an image, a folder of images (in file-name order) "
                + "or of class folders, a CSV with the model's columns, or a text file with one sentence per line.")
final class PredictCommand implements Callable<Integer> {
    /** How the predictions are printed. */
    enum Format {
        TEXT,
        JSON
    }

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A folder written by train.")
    Path modelFolder;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "What to classify.")
    Path input;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "3",
            description = "How many classes to show per input in text output (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            converter = FormatConverter.class,
            description = "text (the likeliest classes per line) or json (JSON Lines: one object per input with "
                    + "every class's probability) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--fill-missing",
            description = "Fill empty table cells as training filled them (numbers with the training mean, text "
                    + "with no category) instead of refusing the row.")
    boolean fillMissing;

    @Option(
            names = "--no-prepare",
            description = "Only resize images to the model's size. By default, for a model trained on MNIST-like "
                    + "digits (white on black, centred), a digit on a light background is inverted, cropped to its "
                    + "ink, scaled and centred as the training digits were.")
    boolean noPrepare;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DataLoadException, FileFormatException {
        PrintWriter out = spec.commandLine().getOut();
        try (TrainedModel model = ModelBundle.load(modelFolder, new DjlTrainingEngine())) {
            InputReader.Inputs inputs = InputReader.read(
                    input,
                    model.info().preprocessing(),
                    fillMissing ? MissingValues.FILL : MissingValues.DROP,
                    !noPrepare);
            // Notes go to the error stream so that JSON output stays JSON.
            inputs.notes().forEach(spec.commandLine().getErr()::println);
            List<Prediction> predictions = model.predict(inputs.features());
            List<String> classes = model.info().classNames();
            for (int i = 0; i < predictions.size(); i++) {
                String expected = inputs.labelled() ? inputs.expected().get(i) : null;
                out.println(
                        format == Format.JSON
                                ? PredictionJson.line(inputs.names().get(i), predictions.get(i), classes, expected)
                                : inputs.names().get(i) + ": " + ranked(predictions.get(i), classes)
                                        + (expected == null ? "" : " (expected " + expected + ")"));
            }
        }
        return 0;
    }

    private String ranked(Prediction prediction, List<String> classes) {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            order.add(c);
        }
        float[] p = prediction.probabilities();
        order.sort((a, b) -> Float.compare(p[b], p[a]));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(Math.max(top, 1), order.size()); i++) {
            int c = order.get(i);
            parts.add(String.format(Locale.ROOT, "%s %.1f%%", classes.get(c), 100 * p[c]));
        }
        return String.join(", ", parts);
    }

    /** Accepts text and json in any case; anything else is a usage error that lists both. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not an output format; use text or json");
            }
        }
    }
}
