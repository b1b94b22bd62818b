package org.layerlab.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs background work one job at a time: while one runs, only the newest waits (each new one replaces it),
 * so a drawing mouse or a fast typist never queues up work and the last job asked for is always the last one
 * done. After {@link #forget}, results still to come are dropped. Used on the UI thread.
 */
public final class LatestOnly<T> {
    private record Job<T>(int generation, Callable<T> work) {}

    private final TaskExecutor executor;
    private final Consumer<T> onResult;
    private final Consumer<Throwable> onFailure;
    private int generation;
    private boolean running;
    private Job<T> waiting;

    public LatestOnly(TaskExecutor executor, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        this.executor = executor;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    public void submit(Callable<T> work) {
        Job<T> job = new Job<>(generation, work);
        if (running) {
            waiting = job;
        } else {
            start(job);
        }
    }

    /** Drops the waiting job and the result of the running one: they belong to something that is gone. */
    public void forget() {
        generation++;
        waiting = null;
    }

    private void start(Job<T> job) {
        running = true;
        executor.submit(
                job.work(),
                result -> {
                    // Shown before the next job starts: an executor on this thread would otherwise show it last.
                    if (job.generation() == generation) {
                        onResult.accept(result);
                    }
                    next();
                },
                failure -> {
                    if (job.generation() == generation) {
                        onFailure.accept(failure);
                    }
                    next();
                });
    }

    private void next() {
        running = false;
        Job<T> job = waiting;
        waiting = null;
        if (job != null) {
            start(job);
        }
    }
}
