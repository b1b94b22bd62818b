package org.layerlab.core.explain;

/** The training settings that are neither the optimizer nor the loss, each with an explanation of its own. */
public enum TrainingTopic {
    LEARNING_RATE,
    BATCH_SIZE,
    EPOCHS,
    VALIDATION_SHARE,
    SEED,
    EARLY_STOPPING
}
