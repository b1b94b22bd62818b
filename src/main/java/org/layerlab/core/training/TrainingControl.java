package org.layerlab.core.training;

/**
 * Lets another thread pause, resume or stop a run. The engine checks it between batches, so a stop takes
 * effect within one batch.
 */
public final class TrainingControl {
    private boolean paused;
    private boolean cancelled;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Blocks the training thread while paused; returns false if the run was cancelled. */
    public synchronized boolean awaitRunnable() throws InterruptedException {
        while (paused && !cancelled) {
            wait();
        }
        return !cancelled;
    }
}
