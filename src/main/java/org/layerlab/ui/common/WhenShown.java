package org.layerlab.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Work for a step of the window that waits while the step's tab is not shown: what a step builds for the
 * screen (a matrix of cells, a drawing surface, feature maps) is built when someone looks, not for a tab
 * no one sees, e.g. while a run ends on the Training step. Only the latest waiting work is kept.
 */
public final class WhenShown {
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private Runnable waiting;

    public WhenShown() {
        shown.addListener((o, was, now) -> {
            if (now && waiting != null) {
                Runnable work = waiting;
                waiting = null;
                work.run();
            }
        });
    }

    /** Runs {@code work} now if the step is shown; else keeps it, in place of any kept before, until it is. */
    public void run(Runnable work) {
        if (shown.get()) {
            waiting = null;
            work.run();
        } else {
            waiting = work;
        }
    }

    /** Drops the waiting work, if any: what it would show is out of date. */
    public void forget() {
        waiting = null;
    }

    public boolean isShown() {
        return shown.get();
    }

    /** Whether the step is on screen; bound to its tab. */
    public BooleanProperty shownProperty() {
        return shown;
    }
}
