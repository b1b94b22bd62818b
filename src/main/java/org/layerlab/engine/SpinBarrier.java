package org.layerlab.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Where two training workers meet twice per batch. A worker that arrives first spins for a moment, then
 * parks until the other arrives and wakes it, as during a paused run. Closing it releases both sides
 * for good.
 */
final class SpinBarrier {
    /**
     * About a millisecond of spinning (a pause instruction takes some 40–140 cycles): longer than the usual
     * difference between two halves of a batch. A parked thread's core may sleep, and waking it took up to
     * milliseconds on this project's virtual machines.
     */
    private static final int SPINS = 20_000;
    /** A safety net only: an arrival always wakes a parked waiter. */
    private static final long LONGEST_PARK_NANOS = 10_000_000;

    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread parked;

    /** Waits for the other party; false once the barrier is closed (the caller should then stop). */
    boolean await() {
        int current = generation;
        if (arrived.incrementAndGet() == 2) {
            arrived.set(0);
            generation = current + 1; // after the reset: whoever sees the new generation sees the reset too
            LockSupport.unpark(parked);
            return !closed;
        }
        for (int spins = 0; generation == current && !closed; spins++) {
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                // Announce first, then check again: either the arriving side sees this thread and wakes
                // it, or this thread sees the new generation and does not sleep.
                parked = Thread.currentThread();
                if (generation == current && !closed) {
                    LockSupport.parkNanos(this, LONGEST_PARK_NANOS);
                }
                parked = null;
            }
        }
        return !closed;
    }

    void close() {
        closed = true;
        LockSupport.unpark(parked);
    }
}
