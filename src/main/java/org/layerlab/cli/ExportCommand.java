package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.layerlab.core.training.Evaluation;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingEvent;
import org.layerlab.data.DataLoadException;
import org.layerlab.data.DataRequest;
import org.layerlab.data.EvaluationData;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.export.ExportException;
import org.layerlab.export.ExportFormat;
import org.layerlab.export.ExportSource;
import org.layerlab.export.Exports;
import org.layerlab.files.FileFormatException;
import org.layerlab.files.MetricsFile;
import org.layerlab.files.ModelBundle;
import org.layerlab.files.TrainingConfigJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "export",
        description = "Write a trained model as ONNX, as PyTorch or Keras code with its weights, or as an HTML "
                + "training report.")
final class ExportCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            required = true,
            paramLabel = "RUN",
            description = "A run folder written by train (or the model folder inside it).")
    Path run;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "onnx, pytorch, keras or report.")
    String format;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "PATH",
            description = "Where to write: NAME.onnx, a folder for pytorch and keras, NAME.html for report.")
    Path out;

    @Option(names = "--overwrite", description = "Replace what is already at PATH.")
    boolean overwrite;

    @Option(
            names = "--data",
            paramLabel = "DATA",
            description = "For the report: data to measure the model on, for its confusion matrix and per-class "
                    + "figures (the model's own test rows when it is the data it was trained on).")
    String data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, DataLoadException, FileFormatException, ExportException {
        ExportFormat chosen;
        try {
            chosen = ExportFormat.fromName(format);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + ".");
        }
        if (data != null && chosen != ExportFormat.REPORT) {
            throw new UserError(
                    "--data is for --format report (its confusion matrix); leave it out for " + format + ".");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        try (TrainedModel model = ModelBundle.load(run, new DjlTrainingEngine())) {
            Path runFolder = Files.isRegularFile(run.resolve("model.json"))
                    ? run.toAbsolutePath().getParent()
                    : run;
            List<TrainingEvent.EpochEnded> epochs = Files.isRegularFile(runFolder.resolve("metrics.csv"))
                    ? MetricsFile.read(runFolder.resolve("metrics.csv"))
                    : List.of();
            TrainingConfig config = Files.isRegularFile(runFolder.resolve("training.json"))
                    ? TrainingConfigJson.load(runFolder.resolve("training.json"))
                    : null;
            Evaluation test = null;
            if (data != null) {
                EvaluationData measured = EvaluationData.load(model.info(), DataRequest.of(data));
                test = model.evaluate(measured.samples());
                stdout.println("Measured on " + measured.description() + ".");
            }
            String name = runFolder.toAbsolutePath().getFileName().toString();
            for (Path made :
                    Exports.write(chosen, new ExportSource(model, name, config, epochs, test), out, overwrite)) {
                stdout.println("Wrote " + made);
            }
        }
        return 0;
    }
}
