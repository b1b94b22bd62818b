package org.layerlab.ui.common;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/** The one place that posts work to the JavaFX application thread. */
public final class FxDispatcher implements UiDispatcher {
    /**
     * A pulse runs animation timers, then styles and lays out the scene and hands the frame to the render
     * thread; a later pulse that has anything to draw first waits for that frame. So when the third pulse
     * from now begins, the frame with every earlier change has been handed over and, in practice, drawn
     * (while a run starts, the next pulse always has something to draw).
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
