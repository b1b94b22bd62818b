package org.layerlab.core.training;

/** How a training run ended. */
public enum TrainingOutcome {
    COMPLETED,
    STOPPED_EARLY,
    CANCELLED,
    DIVERGED,
    /** The engine itself failed (for example out of memory); the message says how. */
    FAILED
}
