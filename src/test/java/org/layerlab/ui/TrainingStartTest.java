package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.Template;
import org.layerlab.core.training.MemoryBudget;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.core.training.TrainingResult;
import org.layerlab.ui.training.ScriptedEngine;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Training takes both cores: it begins only once the window has styled, laid out and handed over for drawing
 * the frame that shows the run as started (the settings locked, the run's row and curves), which takes until
 * the third pulse after Start, so that the busiest frame of a run does not compete with it. The test counts
 * pulses with a timer that runs before the workbench's own in every pulse.
 */
class TrainingStartTest extends WorkbenchTestBase {
    /** Frames the window has begun since the test started counting. */
    private final AtomicInteger frames = new AtomicInteger();

    private volatile int framesAtStart = -1;
    private volatile int framesWhenTrainingBegan = -1;

    /** Notes the frame count when training begins, then holds the run until Stop. */
    private final class NotingEngine implements TrainingEngine {
        private final ScriptedEngine held = ScriptedEngine.untilStopped();

        @Override
        public TrainingResult train(
                Dataset dataset,
                LayerStack stack,
                TrainingConfig config,
                TrainingObserver observer,
                TrainingControl control) {
            framesWhenTrainingBegan = frames.get();
            return held.train(dataset, stack, config, observer, control);
        }

        @Override
        public MemoryBudget memoryBudget() {
            return held.memoryBudget();
        }

        @Override
        public TrainedModel load(LayerStack stack, ModelInfo info, Path weightsFolder) throws IOException {
            return held.load(stack, info, weightsFolder);
        }
    }

    @Start
    void start(Stage stage) {
        open(stage, new NotingEngine());
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.incrementAndGet();
            }
        }.start();
    }

    @Test
    void trainingBeginsOnlyAtTheThirdPulseAfterStart(FxRobot robot) throws Exception {
        robot.interact(() -> window.data().loadSample("iris"));
        await(() -> window.projects().state().datasetProperty().get() != null);
        robot.interact(() -> {
            window.network().applyTemplate(Template.IRIS_MLP);
            window.training().runningProperty().addListener((o, was, now) -> {
                if (now) {
                    framesAtStart = frames.get();
                }
            });
        });
        robot.clickOn("3  Training");
        robot.clickOn("#start");
        await(() -> framesWhenTrainingBegan >= 0);

        assertTrue(
                framesWhenTrainingBegan - framesAtStart >= 3,
                "training began " + (framesWhenTrainingBegan - framesAtStart) + " frames after Start");
        robot.clickOn("#stop");
        await(() -> !window.training().runningProperty().get());
    }
}
