package org.layerlab.ui.common;

/** Hands a piece of work to the UI thread, from any thread. */
@FunctionalInterface
public interface UiDispatcher {

    void dispatch(Runnable work);
}
