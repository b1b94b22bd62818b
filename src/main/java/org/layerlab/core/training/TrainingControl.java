package org.layerlab.core.training;

/**
 * Lets another thread pause, resume or stop a run. The engine checks it between batches, so a stop takes
 * effect within one batch.
 */
public final class TrainingControl {
    private final boolean rollsBackToFinishedEpoch;
    private boolean paused;
    private boolean cancelled;

    /** A control whose stop keeps whatever the run's current weights are, even half-way through an epoch. */
    public TrainingControl() {
        this(false);
    }

    private TrainingControl(boolean rollsBackToFinishedEpoch) {
        this.rollsBackToFinishedEpoch = rollsBackToFinishedEpoch;
    }

    /**
     * A control whose stop in the middle of an epoch gives back the weights of the last finished epoch (or
     * no model during the first epoch), so that a kept model and its metrics describe the same epochs. The
     * engine then copies the weights at every epoch's end.
     */
    public static TrainingControl rollingBackToFinishedEpoch() {
        return new TrainingControl(true);
    }

    public boolean rollsBackToFinishedEpoch() {
        return rollsBackToFinishedEpoch;
    }

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
