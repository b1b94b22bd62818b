package org.layerlab.core.training;

/** Receives training events on the training thread; an implementation must return quickly. */
@FunctionalInterface
public interface TrainingObserver {
    TrainingObserver NONE = event -> {};

    void onEvent(TrainingEvent event);
}
