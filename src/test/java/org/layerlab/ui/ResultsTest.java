package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layerlab.core.stack.Template;
import org.layerlab.ui.results.ExampleItem;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Results step used as a student would: train twice, click a cell, switch runs. */
class ResultsTest extends WorkbenchTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private String summary(FxRobot robot) {
        return robot.lookup("#results-summary").queryAs(Label.class).getText();
    }

    private void train(FxRobot robot, int epochs, double learningRate) throws Exception {
        robot.interact(() -> {
            window.training().epochsProperty().set(epochs);
            window.training().batchSizeProperty().set(16);
            window.training().learningRateProperty().set(learningRate);
            window.training().start();
        });
        await(() -> !window.training().runningProperty().get());
    }

    @Test
    void clickACellToSeeItsSamplesThenSwitchTheRun(FxRobot robot) throws Exception {
        robot.interact(() -> window.data().loadSample("iris"));
        await(() -> window.projects().state().datasetProperty().get() != null);
        robot.interact(() -> window.network().applyTemplate(Template.IRIS_MLP));
        train(robot, 1, 1e-6);
        train(robot, 30, 0.01);

        robot.clickOn("4  Results");
        await(() -> summary(robot).startsWith("Run 2 on the 30 test samples"));
        assertTrue(robot.lookup("#cell-2-2").tryQuery().isPresent(), "a 3 × 3 matrix for the three species");

        robot.clickOn("#cell-1-1");
        ListView<ExampleItem> examples = robot.lookup("#examples").queryListView();
        await(() -> robot.lookup("#examples-title")
                .queryAs(Label.class)
                .getText()
                .startsWith("versicolor predicted as versicolor"));
        assertFalse(examples.getItems().isEmpty());
        ExampleItem first = examples.getItems().get(0);
        assertEquals("versicolor", first.trueClass());
        assertEquals("versicolor", first.predictedClass());
        assertTrue(
                robot.lookup("#examples")
                        .lookup((Label label) -> label.getText().equals("✓ versicolor"))
                        .tryQuery()
                        .isPresent(),
                "the list shows the sample's class");

        String secondRun = summary(robot);
        robot.clickOn("#results-run");
        robot.clickOn(
                (ListCell<?> cell) -> cell.getText() != null && cell.getText().startsWith("Run 1 ·"));
        await(() -> summary(robot).startsWith("Run 1 on"));
        assertFalse(secondRun.equals(summary(robot)));
        assertEquals(
                "Run 1", window.projects().state().selectedRunProperty().get().name());

        robot.clickOn("3  Training");
        ListView<?> runs = robot.lookup("#runs").queryListView();
        assertEquals(0, runs.getSelectionModel().getSelectedIndex(), "the runs list follows the selection");
        robot.interact(() -> runs.getSelectionModel().select(1));
        robot.clickOn("4  Results");
        await(() -> summary(robot).startsWith("Run 2 on"));
    }
}
