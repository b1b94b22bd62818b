package org.layerlab.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Where two training workers meet several times per batch. Batches take about a millisecond, so a worker
 * that arrives first spins briefly (parking and waking a thread costs tens of microseconds), then parks for
 * growing moments, up to a millisecond during long waits such as a paused run. Closing it releases both
 * sides for good.
 */
final class SpinBarrier {
    private static final int SPINS = 20_000;
    private static final long LONGEST_PARK_NANOS = 1_000_000;

    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;

    /** Waits for the other party; false once the barrier is closed (the caller should then stop). */
    boolean await() {
        int current = generation;
        if (arrived.incrementAndGet() == 2) {
            arrived.set(0);
            generation = current + 1; // after the reset: whoever sees the new generation sees the reset too
            return !closed;
        }
        long waits = 0;
        while (generation == current && !closed) {
            if (waits < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(Math.min(LONGEST_PARK_NANOS, (waits - SPINS + 1) * 10_000));
            }
            waits++;
        }
        return !closed;
    }

    void close() {
        closed = true;
    }
}
