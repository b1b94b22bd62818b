package org.layerlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.training.Evaluation;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.data.DataLoadException;
import org.layerlab.data.EvaluationData;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.files.FileFormatException;
import org.layerlab.files.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "evaluate",
        description = "Measure a saved model: on the test samples of its own split when DATA is the data it was "
                + "trained on, on every sample of other data.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A folder written by train.")
    Path modelFolder;

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--no-prepare",
            description = "Only resize images to the model's size. By default, for a model trained on MNIST-like "
                    + "digits, each image of a folder of class folders is inverted when its background is light, "
                    + "cropped to its ink, scaled and centred as the training digits were.")
    boolean noPrepare;

    @Override
    public Integer call() throws DataLoadException, FileFormatException {
        ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--test-fraction")) {
            throw new UserError("evaluate does not take --test-fraction (given "
                    + given.matchedOption("--test-fraction").stringValues().get(0) + "): on the data a model was "
                    + "trained on it measures the test samples of the model's own split, on other data every sample; "
                    + "leave the option out.");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TrainedModel model = ModelBundle.load(modelFolder, new DjlTrainingEngine())) {
            refuseOtherImageSize(given, model.info());
            EvaluationData measured =
                    EvaluationData.load(model.info(), data.request(model.info().split()), !noPrepare);
            Evaluation evaluation = model.evaluate(measured.samples());
            out.println("Measured on " + measured.description() + ".");
            measured.dataset().notes().forEach(note -> out.println("  " + note));
            out.printf(
                    Locale.ROOT,
                    "Test samples: %,d%nLoss: %.4f%nAccuracy: %.4f%n%n",
                    measured.samples().count(),
                    evaluation.loss(),
                    evaluation.accuracy());
            ClassTable.print(out, evaluation.confusion(), model.info().classNames());
        }
        return 0;
    }

    /** Images are read at the model's size and colours; asking for others is a mistake worth saying. */
    private static void refuseOtherImageSize(ParseResult given, ModelInfo info) {
        boolean sizeGiven = given.hasMatchedOption("--image-size");
        boolean greyGiven = given.hasMatchedOption("--grey");
        if (!sizeGiven && !greyGiven) {
            return;
        }
        if (!(info.preprocessing() instanceof Preprocessing.Image image)) {
            throw new UserError("--image-size and --grey are for image models, and this model reads "
                    + (info.preprocessing() instanceof Preprocessing.Text ? "sentences" : "table rows")
                    + "; leave them out.");
        }
        int size = sizeGiven ? given.matchedOptionValue("--image-size", 0) : image.height();
        if (size != image.height() || size != image.width() || (greyGiven && image.channels() != 1)) {
            throw new UserError("the model reads " + image.width() + "×" + image.height()
                    + (image.channels() == 1 ? " grey" : " colour") + " images and evaluate reads DATA that way; "
                    + "leave out --image-size and --grey.");
        }
    }
}
