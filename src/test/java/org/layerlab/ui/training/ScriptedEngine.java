package org.layerlab.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.MemoryBudget;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.core.training.TrainingEvent;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.core.training.TrainingOutcome;
import org.layerlab.core.training.TrainingResult;

/**
 * An engine that trains nothing: it reports one batch and ends as told, or as CANCELLED when the run was
 * stopped before it got to train, or throws {@code failure} if one is given; or, {@link #untilStopped()},
 * it holds each run as a long one until Stop. Its runs keep no model.
 */
public final class ScriptedEngine implements TrainingEngine {
    private final TrainingOutcome outcome;
    private final RuntimeException failure;
    private final boolean holds;
    private final Runnable atStart;

    private ScriptedEngine(TrainingOutcome outcome, RuntimeException failure, boolean holds) {
        this(outcome, failure, holds, () -> {});
    }

    private ScriptedEngine(TrainingOutcome outcome, RuntimeException failure, boolean holds, Runnable atStart) {
        this.outcome = outcome;
        this.failure = failure;
        this.holds = holds;
        this.atStart = atStart;
    }

    static ScriptedEngine endingAs(TrainingOutcome outcome) {
        return new ScriptedEngine(outcome, null, false);
    }

    static ScriptedEngine throwing(RuntimeException failure) {
        return new ScriptedEngine(null, failure, false);
    }

    /** Each run waits, as a run too long to finish on its own, until it is stopped; it then ends CANCELLED. */
    public static ScriptedEngine untilStopped() {
        return new ScriptedEngine(TrainingOutcome.CANCELLED, null, true);
    }

    /** The same engine, running {@code atStart} (on the training thread) as each run begins. */
    public ScriptedEngine noting(Runnable atStart) {
        return new ScriptedEngine(outcome, failure, holds, atStart);
    }

    @Override
    public TrainingResult train(
            Dataset dataset,
            LayerStack stack,
            TrainingConfig config,
            TrainingObserver observer,
            TrainingControl control) {
        atStart.run();
        if (failure != null) {
            throw failure;
        }
        observer.onEvent(
                new TrainingEvent.Started(config.epochs(), 2, dataset.train().count(), 0));
        if (holds) {
            control.pause(); // the engine's own hold: the screen shows a running run, not a paused one
            try {
                control.awaitRunnable();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        TrainingOutcome ending = control.isCancelled() ? TrainingOutcome.CANCELLED : outcome;
        if (ending != TrainingOutcome.CANCELLED) {
            observer.onEvent(new TrainingEvent.BatchEnded(1, 1, 2, 0.5, 0.5, 100));
        }
        String message = "Scripted run: " + ending.name().toLowerCase(java.util.Locale.ROOT) + ".";
        observer.onEvent(new TrainingEvent.Finished(ending, message));
        return new TrainingResult(null, ending, message, List.of(), 0);
    }

    @Override
    public MemoryBudget memoryBudget() {
        return MemoryBudget.shareOf(64L << 30);
    }

    @Override
    public TrainedModel load(LayerStack stack, ModelInfo info, Path weightsFolder) throws IOException {
        throw new IOException("a scripted engine keeps no models");
    }
}
