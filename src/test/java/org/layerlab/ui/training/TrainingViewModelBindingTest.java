package org.layerlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.core.training.TrainingOutcome;
import org.layerlab.testing.TinyData;
import org.layerlab.ui.SameThread;
import org.layerlab.ui.project.ProjectState;
import org.layerlab.ui.project.RunModels;

/** The form follows the project's settings both ways, and runs are shown by the data they trained on. */
class TrainingViewModelBindingTest {
    @TempDir
    Path home;

    private final ProjectState state = new ProjectState();
    private final SameThread same = new SameThread();
    private final TrainingEngine engine = ScriptedEngine.endingAs(TrainingOutcome.COMPLETED);
    private TrainingViewModel training;

    @BeforeEach
    void wire() {
        training = new TrainingViewModel(state, engine, new RunModels(state, engine, same, home), same, same);
    }

    @Test
    void theFormShowsEverySettingThatArrivesInTheProject() {
        TrainingConfig saved = new TrainingConfig(
                new OptimizerSettings(OptimizerKind.MOMENTUM, 0.05, 0.7, 0.8, 0.85, 0.98, 1e-7),
                LossKind.MEAN_SQUARED_ERROR,
                9,
                32,
                0.3,
                7,
                new EarlyStopping(3, true));
        state.trainingProperty().set(saved);
        assertEquals(OptimizerKind.MOMENTUM, training.optimizerProperty().get());
        assertEquals(0.05, training.learningRateProperty().get());
        assertEquals(0.7, training.momentumProperty().get());
        assertEquals(0.8, training.rhoProperty().get());
        assertEquals(0.85, training.beta1Property().get());
        assertEquals(0.98, training.beta2Property().get());
        assertEquals(LossKind.MEAN_SQUARED_ERROR, training.lossProperty().get());
        assertEquals(9, training.epochsProperty().get());
        assertEquals(32, training.batchSizeProperty().get());
        assertEquals(0.3, training.validationFractionProperty().get());
        assertEquals(7, training.seedProperty().get());
        assertEquals(3, training.patienceProperty().get());
        assertEquals(true, training.keepBestProperty().get());
        assertEquals(saved, training.config(), "nothing is lost on the way, epsilon included");
        training.seedProperty().set(8);
        assertEquals(saved.withSeed(8), state.trainingProperty().get());
    }

    @Test
    void runsAreShownWithTheDataTheyTrainedOn() {
        state.datasetProperty().set(TinyData.blobs(20, 1, 1f));
        state.stackProperty().set(LayerStack.of(TensorShape.of(2), new Dense(2)));
        training.start();
        state.datasetProperty().set(TinyData.halves(20, 1));
        state.stackProperty()
                .set(LayerStack.of(TensorShape.of(1, 8, 8), new org.layerlab.core.stack.Flatten(), new Dense(2)));
        training.start();
        assertEquals(List.of("halves", "blobs"), training.dataNames());
        assertEquals("halves", training.shownDataProperty().get());
        assertEquals(
                List.of("Run 2"),
                training.shownRuns().stream().map(RunView::name).toList());
        assertFalse(training.shownRuns().get(0).label().contains("same settings"));
        String label = training.shownRuns().get(0).label();
        assertTrue(label.startsWith("data blobs → halves, "), label);
        training.shownDataProperty().set("blobs");
        assertEquals(
                List.of("Run 1"),
                training.shownRuns().stream().map(RunView::name).toList());
    }
}
