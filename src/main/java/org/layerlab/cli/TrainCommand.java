package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.Evaluation;
import org.layerlab.core.training.StackCompatibility;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingDefaults;
import org.layerlab.core.training.TrainingOutcome;
import org.layerlab.core.training.TrainingResult;
import org.layerlab.data.DataLoadException;
import org.layerlab.data.DataLoading;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.engine.MachineMemory;
import org.layerlab.files.FileFormatException;
import org.layerlab.files.RunFolder;
import org.layerlab.files.RunFolderException;
import org.layerlab.files.StackFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "train",
        description = "Train a stack on data; writes OUT/model/, OUT/metrics.csv and OUT/training.json.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Option(names = "--stack", required = true, paramLabel = "STACK.json", description = "The stack file.")
    Path stackFile;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder for the run: model/, metrics.csv and training.json, written together.")
    Path out;

    @Option(
            names = "--overwrite",
            description = "Replace the run already in --out (only a folder LayerLab wrote; nothing else is deleted).")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DataLoadException, FileFormatException, RunFolderException, IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        TrainingConfig config = training.config();
        LayerStack stack = StackFile.read(stackFile);
        RunFolder.prepare(out, overwrite).forEach(stdout::println);
        Dataset dataset = DataLoading.load(data.request(config.validationFraction(), config.seed()));
        // The notes first: the first line then says which column is the label, when the data is a table.
        dataset.notes().forEach(stdout::println);
        stdout.printf(
                Locale.ROOT,
                "Data: %s, %,d training / %,d validation / %,d test samples, %d classes%n",
                data.source,
                dataset.train().count(),
                dataset.validation().count(),
                dataset.test().count(),
                dataset.classCount());
        config = training.fittedTo(config, dataset.train().count(), stdout);
        TrainingDefaults.fewBatchesWarning(dataset.train().count(), config.batchSize())
                .ifPresent(stdout::println);
        StackCompatibility.Result check = StackCompatibility.check(stack, dataset, config.loss());
        if (!check.ok()) {
            throw new UserError(
                    stackFile + " cannot train on " + data.source + ": " + String.join(" ", check.problems()));
        }
        stdout.print(SummaryTable.render(check.summary()));
        stdout.flush();
        MachineMemory.refusal(check.summary(), config).ifPresent(tooLarge -> {
            throw new UserError(stackFile + " cannot train on this machine: " + tooLarge);
        });
        TrainingControl control = TrainingControl.rollingBackToFinishedEpoch();
        TrainingResult result;
        int interrupted;
        String signal;
        try (Interruption interruption = Interruption.watch(control, stdout)) {
            result = new DjlTrainingEngine()
                    .train(dataset, check.stack(), config, new ProgressPrinter(stdout, onTerminal()), control);
            interrupted = interruption.exitStatus();
            signal = interruption.signalName();
        }
        try (TrainedModel model = result.model()) {
            if (result.outcome() == TrainingOutcome.DIVERGED) {
                RunFolder.write(out, null, result.epochs(), config);
                throw new UserError(result.message());
            }
            if (interrupted != 0) {
                stdout.println(keptAfterInterruption(signal, result));
                if (!result.epochs().isEmpty()) {
                    RunFolder.write(out, model, result.epochs(), config);
                }
                return interrupted;
            }
            if (model == null) {
                throw new UserError(result.message());
            }
            stdout.println(result.message());
            RunFolder.write(out, model, result.epochs(), config);
            stdout.println(
                    "Saved the model to " + out.resolve("model") + " and the metrics to " + out.resolve("metrics.csv"));
            if (dataset.test().count() > 0) {
                Evaluation test = model.evaluate(dataset.test());
                stdout.printf(
                        Locale.ROOT,
                        "Test accuracy: %.4f (loss %.4f, %,d samples)%n",
                        test.accuracy(),
                        test.loss(),
                        dataset.test().count());
            }
        }
        return 0;
    }

    private String keptAfterInterruption(String signal, TrainingResult result) {
        int finished = result.epochs().size();
        if (finished == 0) {
            return "Interrupted by " + signal + " during epoch 1, before any epoch had finished: nothing was saved.";
        }
        int kept = result.bestEpoch() > 0 ? result.bestEpoch() : finished;
        return "Interrupted by " + signal + ": saved the model of epoch " + kept
                + (result.bestEpoch() > 0 ? " (the best)" : "") + " and the metrics of epoch"
                + (finished == 1 ? " 1" : "s 1–" + finished) + " to " + out + " as a stopped run.";
    }

    // On Java 17, which LayerLab targets, console() is null exactly when output is not a terminal.
    @SuppressWarnings("SystemConsoleNull")
    private static boolean onTerminal() {
        return System.console() != null;
    }
}
