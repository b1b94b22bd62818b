package org.layerlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.layerlab.core.training.RunningAverage;
import org.layerlab.core.training.TrainingEvent;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.ui.common.UiDispatcher;

/**
 * Sits between the training thread and the screen. Per-batch events are folded into a running average
 * on the training thread (a few arithmetic operations), and the screen is sent at most one update per
 * {@code intervalNanos}, plus one at every epoch end, so that drawing never slows training down and the
 * training thread never waits for the screen.
 */
final class EventBuffer implements TrainingObserver {
    /** What the screen gets: the latest batch, smoothed figures, and the epoch-level events since last time. */
    record Update(
            TrainingEvent.BatchEnded lastBatch,
            double smoothedLoss,
            double smoothedAccuracy,
            List<TrainingEvent> milestones) {}

    private final UiDispatcher ui;
    private final Consumer<Update> screen;
    private final long intervalNanos;
    private final List<TrainingEvent> milestones = new ArrayList<>();
    private TrainingEvent.BatchEnded lastBatch;
    private final RunningAverage loss = new RunningAverage();
    private final RunningAverage accuracy = new RunningAverage();
    private long lastSent;
    private boolean sendPending;

    EventBuffer(UiDispatcher ui, Consumer<Update> screen, long intervalNanos) {
        this.ui = ui;
        this.screen = screen;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        boolean milestone;
        synchronized (this) {
            if (event instanceof TrainingEvent.BatchEnded batch) {
                lastBatch = batch;
                loss.add(batch.loss());
                accuracy.add(batch.accuracy());
                milestone = false;
            } else {
                milestones.add(event);
                milestone = true;
            }
            long now = System.nanoTime();
            if (sendPending || (!milestone && now - lastSent < intervalNanos)) {
                return;
            }
            sendPending = true;
            // Only batches start the interval: the first batch after Started goes out at once, so that a fast
            // run's curve begins at its first loss rather than half a second in.
            if (!milestone) {
                lastSent = now;
            }
        }
        ui.dispatch(this::send);
    }

    private void send() {
        Update update;
        synchronized (this) {
            update = new Update(lastBatch, loss.value(), accuracy.value(), List.copyOf(milestones));
            milestones.clear();
            sendPending = false;
        }
        screen.accept(update);
    }
}
