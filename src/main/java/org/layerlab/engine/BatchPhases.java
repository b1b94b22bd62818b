package org.layerlab.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where a training batch's time goes, as seen by the worker on the training thread: summed over a run,
 * read by {@code layerlab bench --profile} to choose the next speed-up by numbers. PyTorch runs each
 * operation to its end before returning on the CPU, so a wall clock between calls times the calls.
 */
public final class BatchPhases {
    /** The parts of a batch, in the order they happen. */
    public enum Phase {
        GATHER("gather the batch's rows"),
        FORWARD("forward pass"),
        LOSS("loss, its gradient, correct count"),
        BACKWARD("backward pass"),
        WAIT("wait for the other worker"),
        UPDATE("optimizer update"),
        BOOKKEEPING("pause/stop checks, progress events");

        private final String description;

        Phase(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Map<Phase, Long> nanos = new EnumMap<>(Phase.class);
    private long batches;
    private long lapStart;
    private int workers;
    private int threadsPerWorker;
    private BatchPhases partner;

    /** The second worker's phases, when a run had two (its batches are counted on the first). */
    public java.util.Optional<BatchPhases> partner() {
        return java.util.Optional.ofNullable(partner);
    }

    BatchPhases newPartner() {
        partner = new BatchPhases();
        return partner;
    }

    void recordThreads(ThreadPolicy policy) {
        workers = policy.workers();
        threadsPerWorker = policy.threadsPerWorker();
    }

    /** How many workers shared each batch (see the README's Benchmarks section). */
    public int workers() {
        return workers;
    }

    /** PyTorch intra-op threads of each worker. */
    public int threadsPerWorker() {
        return threadsPerWorker;
    }

    /** Starts the clock for the phase that follows. */
    void start() {
        lapStart = System.nanoTime();
    }

    /** Adds the time since the last start or lap to {@code phase} and restarts the clock. */
    void lap(Phase phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - lapStart, Long::sum);
        lapStart = now;
    }

    void countBatch() {
        batches++;
    }

    public long batches() {
        return batches;
    }

    /** Mean microseconds per batch in each phase. */
    public Map<Phase, Double> microsPerBatch() {
        return microsPer(batches);
    }

    /** Mean microseconds per batch in each phase, for {@code count} batches. */
    public Map<Phase, Double> microsPer(long count) {
        Map<Phase, Double> out = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            out.put(phase, count == 0 ? 0 : nanos.getOrDefault(phase, 0L) / 1e3 / count);
        }
        return out;
    }
}
