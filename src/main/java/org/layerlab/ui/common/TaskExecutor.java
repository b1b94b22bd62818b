package org.layerlab.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands the result back on it. The application runs each job as a
 * javafx.concurrent.Task; tests run it on the calling thread, so ViewModel tests need no toolkit.
 */
public interface TaskExecutor {

    <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
