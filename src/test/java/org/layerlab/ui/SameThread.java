package org.layerlab.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.common.UiDispatcher;

/** Runs "background" work and UI updates on the calling thread, so ViewModel tests are plain and ordered. */
public final class SameThread implements TaskExecutor, UiDispatcher {

    @Override
    public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void dispatch(Runnable work) {
        work.run();
    }
}
