package org.layerlab.core.training;

import java.time.Duration;

/** What the engine reports while it trains: after every batch, after every epoch, and once at the end. */
public sealed interface TrainingEvent {

    record Started(int epochs, int batchesPerEpoch, int trainSamples, int validationSamples) implements TrainingEvent {}

    /** Figures of one batch; epoch and batch count from 1. */
    record BatchEnded(int epoch, int batch, int batchesPerEpoch, double loss, double accuracy, double samplesPerSecond)
            implements TrainingEvent {}

    /** Validation figures are NaN when there is no validation data. */
    record EpochEnded(
            int epoch,
            int epochs,
            double trainLoss,
            double trainAccuracy,
            double validationLoss,
            double validationAccuracy,
            Duration elapsed,
            double samplesPerSecond)
            implements TrainingEvent {}

    record Finished(TrainingOutcome outcome, String message) implements TrainingEvent {}
}
