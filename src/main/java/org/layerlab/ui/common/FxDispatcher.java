package org.layerlab.ui.common;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/** The one place that posts work to the JavaFX application thread. */
public final class FxDispatcher implements UiDispatcher {
    /**
     * A pulse styles and lays out the scene, then hands the frame to the render thread; the next pulse begins
     * by waiting for that frame to be drawn. So when the third pulse from now begins, every change made
     * before it is on the screen.
     */
    private static final int PULSES_UNTIL_SHOWN = 3;

    @Override
    public void dispatch(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }

    @Override
    public void afterShown(Runnable work) {
        dispatch(() -> new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == PULSES_UNTIL_SHOWN) {
                    stop();
                    work.run();
                }
            }
        }.start());
    }
}
