package org.layerlab.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.common.UiDispatcher;

/**
 * Holds "background" work until the test lets it run with {@link #runAll}, so a test can act while a job
 * (a training run, a save) is still under way; UI updates run at once on the calling thread.
 */
public final class HeldWork implements TaskExecutor, UiDispatcher {
    private final Deque<Runnable> held = new ArrayDeque<>();

    @Override
    public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        held.add(() -> new SameThread().submit(work, onSuccess, onFailure));
    }

    @Override
    public void dispatch(Runnable work) {
        work.run();
    }

    /** Runs the held jobs, and any they submit, in order. */
    public void runAll() {
        while (!held.isEmpty()) {
            held.poll().run();
        }
    }

    public boolean isEmpty() {
        return held.isEmpty();
    }
}
