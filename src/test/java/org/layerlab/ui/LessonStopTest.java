package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layerlab.ui.training.ScriptedEngine;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Stop during a lesson ends the lesson, not only its current run. The engine holds each run until it is
 * stopped: the real one trains a lesson's small runs faster than a robot can click Stop.
 */
class LessonStopTest extends WorkbenchTestBase {

    @Start
    void start(Stage stage) {
        open(stage, ScriptedEngine.untilStopped());
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void stopOnTheTrainingScreenStopsTheLesson(FxRobot robot) throws Exception {
        robot.clickOn("#lesson-optimizers");
        await(() -> window.lessons().lessonProperty().get() != null);
        robot.clickOn("#start-lesson");
        await(() -> window.training().runningProperty().get());

        robot.clickOn("#stop");
        await(() -> !window.lessons().activeProperty().get());

        assertEquals(1, window.training().runs().size(), "no run starts after Stop");
        assertEquals(
                "The lesson was stopped after 0 of its 5 runs, so there is nothing to compare yet. "
                        + "Press Start lesson to run it again.",
                window.lessons().whatHappenedProperty().get());
        assertEquals("Lesson stopped.", text(robot, "#lesson-status"));
    }
}
