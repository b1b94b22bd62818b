package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layerlab.core.stack.Template;
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

    @Start
    void start(Stage stage) {
        // Notes the frame count when training begins, then holds the run until Stop.
        open(stage, ScriptedEngine.untilStopped().noting(() -> framesWhenTrainingBegan = frames.get()));
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
