package org.layerlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingDefaults;
import picocli.CommandLine.Option;

/** The options that make a TrainingConfig. */
final class TrainingOptions {
    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Passes over the training data (default: from the number of training rows, about "
                    + "1,500 steps for a small table, at most about 50,000 samples seen, 5 to 150).")
    Integer epochs;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "Samples per step (default: from the number of training rows, about a tenth of them "
                    + "between 4 and 128).")
    Integer batchSize;

    @Option(
            names = "--optimizer",
            paramLabel = "NAME",
            defaultValue = "adam",
            description = "adam, sgd, momentum, adagrad or rmsprop (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(
            names = "--lr",
            paramLabel = "X",
            description = "Learning rate (default: 0.001 for adam and rmsprop, 0.01 otherwise).")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "X", description = "Momentum for --optimizer momentum (default: 0.9).")
    Double momentum;

    @Option(
            names = "--loss",
            paramLabel = "NAME",
            defaultValue = "ce",
            description = "ce (softmax cross-entropy), bce or mse (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed for the split, initial weights and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--validation",
            paramLabel = "F",
            defaultValue = "0.1",
            description = "Share of the rows held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(
            names = "--patience",
            paramLabel = "N",
            defaultValue = "0",
            description = "Stop after this many epochs without a better validation loss; 0 never stops early.")
    int patience;

    @Option(names = "--keep-best", description = "With --patience: end with the weights of the best epoch.")
    boolean keepBest;

    /**
     * The settings as given, checked before any data is read; where --epochs or --batch-size was left out
     * it holds a stand-in until {@link #fittedTo} chooses it from the data.
     */
    TrainingConfig config() {
        OptimizerSettings settings;
        LossKind lossKind;
        try {
            settings = OptimizerSettings.defaults(OptimizerKind.fromName(optimizer));
            lossKind = LossKind.fromName(loss);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + ".");
        }
        if (learningRate != null) {
            settings = settings.withLearningRate(learningRate);
        }
        if (momentum != null) {
            settings = new OptimizerSettings(
                    settings.kind(),
                    settings.learningRate(),
                    momentum,
                    settings.rho(),
                    settings.beta1(),
                    settings.beta2(),
                    settings.epsilon());
        }
        TrainingConfig config = new TrainingConfig(
                settings,
                lossKind,
                epochs != null ? epochs : TrainingConfig.DEFAULT.epochs(),
                batchSize != null ? batchSize : TrainingConfig.DEFAULT.batchSize(),
                validation,
                seed,
                new EarlyStopping(patience, keepBest));
        if (!config.problems().isEmpty()) {
            throw new UserError("invalid training settings: " + String.join("; ", config.problems()) + ".");
        }
        return config;
    }

    /**
     * {@code config} with what the command line left out, --epochs or --batch-size, chosen by the rule for
     * {@code trainingRows}; {@code out} is told what was chosen and why.
     */
    TrainingConfig fittedTo(TrainingConfig config, int trainingRows, PrintWriter out) {
        if (epochs != null && batchSize != null) {
            return config;
        }
        TrainingDefaults chosen = batchSize == null
                ? TrainingDefaults.forTrainingRows(trainingRows)
                : TrainingDefaults.forTrainingRows(trainingRows, batchSize);
        if (epochs != null) {
            chosen = new TrainingDefaults(trainingRows, chosen.batchSize(), epochs);
            out.printf(
                    Locale.ROOT,
                    "Batch size chosen for %,d training rows: %d (%s); --batch-size sets it.%n",
                    trainingRows,
                    chosen.batchSize(),
                    chosen.steps());
        } else if (batchSize != null) {
            out.printf(
                    Locale.ROOT,
                    "Epochs chosen for %,d training rows in batches of %d: %d (%s); --epochs sets them.%n",
                    trainingRows,
                    batchSize,
                    chosen.epochs(),
                    chosen.steps());
        } else {
            out.println(chosen.description() + " --epochs and --batch-size set them.");
        }
        return chosen.appliedTo(config);
    }
}
