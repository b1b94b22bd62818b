package org.layerlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.training.ConfusionMatrix;
import org.layerlab.core.training.Evaluation;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.data.DataLoadException;
import org.layerlab.data.DataLoading;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.files.FileFormatException;
import org.layerlab.files.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", description = "Measure a saved model on the test part of a dataset.")
final class EvaluateCommand implements Callable<Integer> {
    private static final int MAX_MATRIX_CLASSES = 12;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A folder written by train.")
    Path modelFolder;

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DataLoadException, FileFormatException {
        PrintWriter out = spec.commandLine().getOut();
        try (TrainedModel model = ModelBundle.load(modelFolder, new DjlTrainingEngine())) {
            // The model's own split finds the same test rows it was tested on after training.
            Dataset dataset = DataLoading.load(data.request(model.info().split()));
            if (!dataset.classNames().equals(model.info().classNames())
                    || !Arrays.equals(dataset.inputShape(), model.info().inputShape())) {
                throw new UserError(data.source + " does not match the model: it has classes " + dataset.classNames()
                        + " and input " + Arrays.toString(dataset.inputShape()) + ", the model "
                        + model.info().classNames() + " and "
                        + Arrays.toString(model.info().inputShape()) + ".");
            }
            Evaluation evaluation = model.evaluate(dataset.test());
            out.printf(
                    Locale.ROOT,
                    "Test samples: %,d%nLoss: %.4f%nAccuracy: %.4f%n%n",
                    dataset.test().count(),
                    evaluation.loss(),
                    evaluation.accuracy());
            printClasses(out, evaluation.confusion(), dataset.classNames());
        }
        return 0;
    }

    private static void printClasses(PrintWriter out, ConfusionMatrix confusion, List<String> names) {
        out.printf(Locale.ROOT, "%-14s %9s %9s %9s%n", "Class", "Precision", "Recall", "F1");
        for (int c = 0; c < names.size(); c++) {
            out.printf(
                    Locale.ROOT,
                    "%-14s %9.3f %9.3f %9.3f%n",
                    names.get(c),
                    confusion.precision(c),
                    confusion.recall(c),
                    confusion.f1(c));
        }
        if (names.size() > MAX_MATRIX_CLASSES) {
            return;
        }
        out.println();
        out.println("Confusion matrix (rows: actual, columns: predicted)");
        out.printf("%-14s", "");
        names.forEach(n -> out.printf(" %7s", n.length() > 7 ? n.substring(0, 7) : n));
        out.println();
        for (int a = 0; a < names.size(); a++) {
            out.printf("%-14s", names.get(a));
            for (int p = 0; p < names.size(); p++) {
                out.printf(" %7d", confusion.count(a, p));
            }
            out.println();
        }
    }
}
