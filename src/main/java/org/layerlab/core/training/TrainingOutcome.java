package org.layerlab.core.training;

/** How a training run ended. */
public enum TrainingOutcome {
    COMPLETED,
    STOPPED_EARLY,
    CANCELLED,
    DIVERGED
}
