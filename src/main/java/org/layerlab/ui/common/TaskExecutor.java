package org.layerlab.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the result back on it. The application runs each job as a
 * javafx.concurrent.Task; tests run it on the calling thread, so ViewModel tests need no toolkit.
 */
public interface TaskExecutor {

    <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** How far work has got: a sentence and a fraction done (negative when not known). */
    record Progress(String message, double fraction) {}

    /** Work that tells how far it has got through the consumer it is given. */
    @FunctionalInterface
    interface ReportingWork<T> {
        T call(Consumer<Progress> progress) throws Exception;
    }

    /**
     * As {@link #submit}, with the work's reports handed to {@code onProgress} on the UI thread. This default
     * is right for executors that run the work on the calling thread: it passes each report on at once.
     */
    default <T> void submit(
            ReportingWork<T> work,
            Consumer<Progress> onProgress,
            Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        submit(() -> work.call(onProgress), onSuccess, onFailure);
    }
}
