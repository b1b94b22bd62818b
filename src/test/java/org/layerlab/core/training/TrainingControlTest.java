package org.layerlab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TrainingControlTest {

    @Test
    void pausedThreadWaitsUntilResumed() throws Exception {
        TrainingControl control = new TrainingControl();
        control.pause();
        AtomicReference<Boolean> result = new AtomicReference<>();
        Thread trainer = start(control, result);
        awaitState(trainer, Thread.State.WAITING);
        assertEquals(null, result.get(), "a paused run must not go on");
        control.resume();
        trainer.join(5000);
        assertTrue(result.get());
    }

    @Test
    void cancelReleasesAPausedThreadAndSaysStop() throws Exception {
        TrainingControl control = new TrainingControl();
        control.pause();
        AtomicReference<Boolean> result = new AtomicReference<>();
        Thread trainer = start(control, result);
        awaitState(trainer, Thread.State.WAITING);
        control.cancel();
        trainer.join(5000);
        assertFalse(result.get());
    }

    private static Thread start(TrainingControl control, AtomicReference<Boolean> result) {
        Thread thread = new Thread(() -> {
            try {
                result.set(control.awaitRunnable());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        return thread;
    }

    private static void awaitState(Thread thread, Thread.State state) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (thread.getState() != state && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(state, thread.getState());
    }
}
