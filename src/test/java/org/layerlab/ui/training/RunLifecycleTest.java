package org.layerlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.core.training.TrainingOutcome;
import org.layerlab.testing.TinyData;
import org.layerlab.ui.HeldWork;
import org.layerlab.ui.SameThread;
import org.layerlab.ui.project.ProjectState;
import org.layerlab.ui.project.ProjectViewModel;
import org.layerlab.ui.project.RunModels;

/** A run from Start to its end, whichever way it ends, and what waits for it; no window, no real training. */
class RunLifecycleTest {
    @TempDir
    Path home;

    private final ProjectState state = new ProjectState();

    private TrainingViewModel training(TrainingEngine engine, org.layerlab.ui.common.TaskExecutor executor) {
        RunModels models = new RunModels(state, engine, executor, home);
        return new TrainingViewModel(state, engine, models, executor, new SameThread());
    }

    private void blobsAndADenseStack() {
        state.datasetProperty().set(TinyData.blobs(20, 1, 1f));
        state.stackProperty().set(LayerStack.of(TensorShape.of(2), new Dense(2)));
    }

    @ParameterizedTest
    @CsvSource({"COMPLETED, completed", "CANCELLED, cancelled", "DIVERGED, diverged", "FAILED, failed"})
    void everyRunEndsAndItsRowSaysHow(TrainingOutcome outcome, String shown) {
        TrainingViewModel training = training(ScriptedEngine.endingAs(outcome), new SameThread());
        blobsAndADenseStack();
        training.start();
        assertFalse(training.runningProperty().get());
        assertFalse(training.formLockedProperty().get());
        assertEquals(outcome.name(), state.runs().get(0).outcome());
        assertEquals(shown, training.runs().get(0).resultProperty().get());
        assertTrue(training.progressTextProperty().get().startsWith("Run 1: " + shown));
    }

    @Test
    void aRunWhoseTrainingThrowsEndsAsFailedNotRunning() {
        TrainingViewModel training =
                training(ScriptedEngine.throwing(new IllegalStateException("the engine broke")), new SameThread());
        blobsAndADenseStack();
        training.start();
        assertFalse(training.runningProperty().get());
        assertEquals("failed", training.runs().get(0).resultProperty().get());
        assertEquals("FAILED", state.runs().get(0).outcome());
        assertTrue(
                training.messageProperty().get().contains("the engine broke"),
                training.messageProperty().get());
        training.start();
        assertEquals(2, training.runs().size(), "a failed run does not block the next");
    }

    @Test
    void whileARunTrainsTheFormIsLockedAndShowsTheRunsSettings() {
        HeldWork held = new HeldWork();
        TrainingViewModel training = training(ScriptedEngine.endingAs(TrainingOutcome.COMPLETED), held);
        blobsAndADenseStack();
        training.epochsProperty().set(3);
        training.start();
        assertTrue(training.runningProperty().get());
        assertTrue(training.formLockedProperty().get());
        training.epochsProperty().set(40);
        assertEquals(3, state.trainingProperty().get().epochs(), "no edit reaches the project during a run");
        assertEquals(3, training.chartEpochs().get());
        held.runAll();
        assertTrue(
                training.messageProperty().get().startsWith("Scripted run"),
                training.messageProperty().get());
        assertFalse(training.formLockedProperty().get());
        assertEquals(3, training.epochsProperty().get(), "the form shows the project's settings again");
    }

    @Test
    void theProgressLineCountsTheRunningRunsEpochsNotTheField() {
        HeldWork held = new HeldWork();
        TrainingViewModel training = training(ScriptedEngine.endingAs(TrainingOutcome.COMPLETED), held);
        blobsAndADenseStack();
        training.epochsProperty().set(3);
        training.start();
        training.epochsProperty().set(40);
        List<String> lines = new ArrayList<>();
        training.progressTextProperty().addListener((o, a, line) -> lines.add(line));
        held.runAll();
        assertTrue(lines.get(0).startsWith("Epoch 1/3 · batch 1/2"), lines.toString());
    }

    @Test
    void aNewProjectDuringARunAsksThenStopsTheRunAndWaitsForItsEnd() {
        HeldWork held = new HeldWork();
        TrainingEngine engine = ScriptedEngine.endingAs(TrainingOutcome.COMPLETED);
        RunModels models = new RunModels(state, engine, held, home);
        TrainingViewModel training = new TrainingViewModel(state, engine, models, held, new SameThread());
        ProjectViewModel projects = new ProjectViewModel(state, held, models, home);
        blobsAndADenseStack();
        training.start();
        List<String> asked = new ArrayList<>();

        training.stopFirst(
                "start a new project",
                question -> {
                    asked.add(question);
                    return false;
                },
                projects::newProject);
        assertEquals(List.of("A network is training. Stop it and start a new project?"), asked);
        assertTrue(training.runningProperty().get(), "the student chose to keep training");

        training.stopFirst("start a new project", question -> true, projects::newProject);
        assertTrue(training.runningProperty().get(), "the run is asked to stop, not dropped");
        assertEquals(0, state.openedProperty().get(), "the project is not replaced before the run has ended");
        held.runAll();
        assertFalse(training.runningProperty().get());
        assertEquals(1, state.openedProperty().get());
        assertTrue(state.runs().isEmpty(), "the stopped run stayed with the old project");
        assertTrue(training.runs().isEmpty());
        assertEquals("Not started", training.progressTextProperty().get(), "the last run's result is gone");
    }

    @Test
    void aRefusalDisappearsOnceTheNetworkIsFixed() {
        TrainingViewModel training = training(ScriptedEngine.endingAs(TrainingOutcome.COMPLETED), new SameThread());
        state.datasetProperty().set(TinyData.blobs(20, 1, 1f));
        state.stackProperty().set(LayerStack.of(TensorShape.of(2), new Dense(5)));
        training.start();
        assertTrue(
                training.messageProperty().get().startsWith("The network cannot train on this data"),
                training.messageProperty().get());
        state.stackProperty().set(LayerStack.of(TensorShape.of(2), new Dense(2)));
        assertEquals("", training.messageProperty().get());
    }

    @Test
    void anInvitationToPressStartIsGoneOnceTrainingStarts() {
        TrainingViewModel training = training(ScriptedEngine.endingAs(TrainingOutcome.COMPLETED), new SameThread());
        blobsAndADenseStack();
        training.invite("Blobs is ready: press Start.");
        assertEquals("Blobs is ready: press Start.", training.messageProperty().get());
        training.start();
        assertEquals("Scripted run: completed.", training.messageProperty().get());
    }
}
