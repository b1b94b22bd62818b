package org.layerlab.ui.common;

/** Hands a piece of work to the UI thread, from any thread. */
@FunctionalInterface
public interface UiDispatcher {

    void dispatch(Runnable work);

    /**
     * Hands {@code work} to the UI thread about two frames later, once the screen normally shows what had
     * changed before this call (see {@code FxDispatcher}). Work that would compete for the processor with
     * drawing those changes, such as a training run that the Start button has just shown as started, waits
     * for this. Without a screen to wait for: as {@link #dispatch}.
     */
    default void afterShown(Runnable work) {
        dispatch(work);
    }
}
