package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layerlab.core.project.RunRecord;
import org.layerlab.ui.training.RunView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A student opens a lesson from the Welcome tab and presses Start lesson: its runs appear in the ordinary runs
 * list one after another, and afterwards "what happened" names their real figures. The smallest lesson is used
 * (three runs on the 8×8 digits), so the test takes seconds.
 */
class LessonTest extends WorkbenchTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    @Test
    void theLearningRateLessonRunsItsThreeRunsAndSaysWhatHappened(FxRobot robot) throws Exception {
        robot.clickOn("#lesson-learning-rate");
        await(() -> window.lessons().lessonProperty().get() != null);
        assertEquals("Lesson: The learning rate", text(robot, "#lesson-title"));

        robot.clickOn("#start-lesson");
        await(() -> !window.lessons().activeProperty().get());
        List<RunRecord> runs = window.projects().state().runs();
        assertEquals(
                3,
                runs.size(),
                text(robot, "#lesson-status") + " / "
                        + window.training().messageProperty().get() + " / "
                        + window.projects().state().dataSettingsProperty().get() + " / "
                        + window.projects().state().datasetProperty().get());

        ListView<?> list = robot.lookup("#runs").queryAs(ListView.class);
        assertEquals(3, list.getItems().size());
        assertTrue(((RunView) list.getItems().get(0)).label().startsWith("lr 0.001 · "));
        assertTrue(((RunView) list.getItems().get(2)).label().startsWith("lr 10 · "));
        assertEquals(
                List.of("COMPLETED", "COMPLETED", "DIVERGED"),
                runs.stream().map(RunRecord::outcome).toList());
        String whatHappened = text(robot, "#lesson-what-happened");
        assertTrue(
                whatHappened.contains(", " + percent(runs.get(0).testAccuracy()) + " on the test data.")
                        && whatHappened.contains("With lr 10 the loss blew up to NaN")
                        && whatHappened.contains(
                                "Best: lr 0.1, " + percent(runs.get(1).testAccuracy())),
                whatHappened);
        assertEquals("Lesson finished: 3 runs.", text(robot, "#lesson-status"));
        NumberAxis loss = (NumberAxis)
                robot.lookup("#loss-chart").queryAs(LineChart.class).getYAxis();
        assertTrue(loss.getUpperBound() < 20, "the diverged run does not flatten the others: " + loss.getUpperBound());
        snapshot(robot, "lesson");
        // The smallest window LayerLab is made for: the banner must leave Start and the charts usable.
        // Last, because Monocle cannot grow a window again.
        robot.interact(() -> {
            window.stage().setWidth(1024);
            window.stage().setHeight(768);
        });
        snapshot(robot, "lesson-1024");
        javafx.geometry.Bounds start = robot.lookup("#start")
                .query()
                .localToScene(robot.lookup("#start").query().getBoundsInLocal());
        assertTrue(start.getMaxY() <= window.stage().getScene().getHeight(), "Start is inside the window: " + start);
    }
}
