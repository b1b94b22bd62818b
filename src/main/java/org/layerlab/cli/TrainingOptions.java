package org.layerlab.cli;

import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainingConfig;
import picocli.CommandLine.Option;

/** The options that make a TrainingConfig. */
final class TrainingOptions {
    @Option(
            names = "--epochs",
            paramLabel = "N",
            defaultValue = "5",
            description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "128",
            description = "Samples per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

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
                settings, lossKind, epochs, batchSize, validation, seed, new EarlyStopping(patience, keepBest));
        if (!config.problems().isEmpty()) {
            throw new UserError("invalid training settings: " + String.join("; ", config.problems()) + ".");
        }
        return config;
    }
}
