package org.layerlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;

/**
 * The one run that trains at a time, from Start to its end. Idle until {@link #begin}; then training, and
 * perhaps paused or asked to stop, until {@link #end}, which every run reaches whichever way it ends
 * (completed, stopped early, cancelled, diverged or failed), so that no run stays "running". Work that must
 * wait for the run to end, such as opening another project, is queued with {@link #afterEnd}.
 */
final class RunLifecycle {
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private final List<Runnable> afterEnd = new ArrayList<>();
    private RunView run;
    private TrainingConfig config;
    private TrainingControl control;

    /** The run starts; returns the control the engine pauses and stops it by. */
    TrainingControl begin(RunView starting, TrainingConfig settings) {
        if (running.get()) {
            throw new IllegalStateException(run.name() + " is still training");
        }
        run = starting;
        config = settings;
        control = new TrainingControl();
        paused.set(false);
        running.set(true);
        return control;
    }

    /** The run has ended; {@code result} is what its row says from now on ("completed, …", "failed: …"). */
    void end(String result) {
        if (!running.get()) {
            return;
        }
        run.resultProperty().set(result);
        run = null;
        config = null;
        control = null;
        paused.set(false);
        running.set(false);
        List<Runnable> waiting = List.copyOf(afterEnd);
        afterEnd.clear();
        waiting.forEach(Runnable::run);
    }

    void pause() {
        if (running.get()) {
            control.pause();
            paused.set(true);
        }
    }

    void resume() {
        if (running.get()) {
            control.resume();
            paused.set(false);
        }
    }

    /** Asks the run to stop; it ends at the next batch. */
    void stop() {
        if (running.get()) {
            control.cancel();
        }
    }

    /** Runs {@code then} once no run trains: at once if none does, else right after the run has ended. */
    void afterEnd(Runnable then) {
        if (running.get()) {
            afterEnd.add(then);
        } else {
            then.run();
        }
    }

    /** The run training now, if one is. */
    Optional<RunView> run() {
        return Optional.ofNullable(run);
    }

    /** The settings of the run training now, if one is. */
    Optional<TrainingConfig> config() {
        return Optional.ofNullable(config);
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }
}
