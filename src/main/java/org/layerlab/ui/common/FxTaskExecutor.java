package org.layerlab.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** Runs each job as a javafx.concurrent.Task on a background thread; callbacks arrive on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "layerlab-worker");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        run(task, onSuccess, onFailure);
    }

    /** Runs {@code work} as a Task whose message and progress, coalesced by JavaFX, go to {@code onProgress}. */
    @Override
    public <T> void submit(
            ReportingWork<T> work,
            Consumer<Progress> onProgress,
            Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call(progress -> {
                    updateProgress(progress.fraction(), 1);
                    updateMessage(progress.message());
                });
            }
        };
        task.messageProperty()
                .addListener((o, before, message) -> onProgress.accept(new Progress(message, task.getProgress())));
        run(task, onSuccess, onFailure);
    }

    private <T> void run(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        // After close (the window is going away) late work, such as loading a just-finished run, is dropped.
        if (!threads.isShutdown()) {
            threads.execute(task);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
