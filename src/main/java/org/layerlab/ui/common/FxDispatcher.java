package org.layerlab.ui.common;

import javafx.application.Platform;

/** The one place that posts work to the JavaFX application thread. */
public final class FxDispatcher implements UiDispatcher {

    @Override
    public void dispatch(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }
}
