package org.layerlab.data;

/** Told how far loading has got, for a progress bar: a sentence and a fraction (negative when unknown). */
@FunctionalInterface
public interface LoadProgress {
    LoadProgress NONE = (message, fraction) -> {};

    void update(String message, double fraction);
}
