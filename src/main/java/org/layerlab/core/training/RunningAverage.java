package org.layerlab.core.training;

/**
 * The smoothed batch figure that the training screen's curves and the CLI's progress bar show: an
 * exponential moving average in which each new batch counts for a tenth, starting at the first batch's value.
 * Single batches are noisy; this is what "loss" means while an epoch is under way. Not thread-safe.
 */
public final class RunningAverage {
    private static final double WEIGHT_OF_NEW = 0.1;

    private double value = Double.NaN;

    /** Folds in one batch's figure and returns the new average. */
    public double add(double figure) {
        value = Double.isNaN(value) ? figure : (1 - WEIGHT_OF_NEW) * value + WEIGHT_OF_NEW * figure;
        return value;
    }

    /** The average so far; NaN before the first figure. */
    public double value() {
        return value;
    }
}
