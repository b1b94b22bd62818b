package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
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
        for (int a = 0; a < 3; a++) {
            for (int p = 0; p < 3; p++) {
                Label cell = robot.lookup("#cell-" + a + "-" + p).queryAs(Label.class);
                Color fill = (Color) cell.getBackground().getFills().get(0).getFill();
                if (cell.getText().equals("0")) {
                    assertEquals(Color.WHITE, fill, "an empty cell is white: " + cell.getId());
                } else if (a == p) {
                    assertTrue(fill.getBlue() > fill.getRed(), "right answers are blue: " + cell.getId() + " " + fill);
                } else {
                    assertTrue(fill.getRed() > fill.getBlue(), "mistakes are orange: " + cell.getId() + " " + fill);
                }
            }
        }
        Label kept = robot.lookup("#cell-2-2").queryAs(Label.class);

        robot.moveTo("#cell-2-1");
        await(() -> shownTooltip(robot) != null);
        Tooltip tip = shownTooltip(robot);
        assertTrue(
                tip.getText()
                        .matches("\\d+ of \\d+ virginica samples \\(.*\\) predicted as versicolor: click to see them"),
                "the matrix's tooltip speaks of the cell under the mouse: " + tip.getText());
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
        assertTrue(kept == robot.lookup("#cell-2-2").queryAs(Label.class), "the same classes keep their cells");
        assertEquals(
                Integer.toString(window.results().confusionProperty().get().count(2, 2)),
                kept.getText(),
                "with the other run's numbers");
        assertEquals(
                "Run 1", window.projects().state().selectedRunProperty().get().name());

        robot.clickOn("3  Training");
        ListView<?> runs = robot.lookup("#runs").queryListView();
        assertEquals(0, runs.getSelectionModel().getSelectedIndex(), "the runs list follows the selection");
        robot.interact(() -> runs.getSelectionModel().select(1));
        robot.clickOn("4  Results");
        await(() -> summary(robot).startsWith("Run 2 on"));
    }

    @Test
    void serveTheRunCallItAndStop(FxRobot robot) throws Exception {
        robot.interact(() -> window.data().loadSample("iris"));
        await(() -> window.projects().state().datasetProperty().get() != null);
        robot.interact(() -> window.network().applyTemplate(Template.IRIS_MLP));
        train(robot, 20, 0.02);

        robot.clickOn("4  Results");
        await(() -> summary(robot).startsWith("Run 1 on"));
        robot.clickOn("#serve");
        TextField address = robot.lookup("#serve-address").queryAs(TextField.class);
        await(() -> !address.getText().isEmpty());
        assertTrue(address.getText().startsWith("http://127.0.0.1:"), address.getText());
        String curl = robot.lookup("#serve-curl").queryAs(TextField.class).getText();
        assertTrue(curl.startsWith("curl -s " + address.getText() + "v1/predict"), curl);

        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(URI.create(address.getText() + "v1/predict"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\": [[5.1, 3.5, 1.4, 0.2]]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().startsWith("{\"predictions\":[{\"label\":\"setosa\""), answer.body());
        Label stats = robot.lookup("#serve-stats").queryAs(Label.class);
        await(() -> stats.getText().startsWith("1 requests · 0 errors"));

        String served = address.getText();
        robot.clickOn("Stop serving");
        await(() -> address.getText().isEmpty());
        assertEquals(
                "Stopped serving.",
                robot.lookup("#serve-message").queryAs(Label.class).getText());
        assertThrows(
                java.io.IOException.class,
                () -> client.send(
                        HttpRequest.newBuilder(URI.create(served + "health")).build(),
                        HttpResponse.BodyHandlers.ofString()),
                "the port is closed");
    }

    /** The tooltip a person sees now, if any. */
    private static Tooltip shownTooltip(FxRobot robot) {
        return robot.listWindows().stream()
                .filter(w -> w instanceof Tooltip && w.isShowing())
                .map(Tooltip.class::cast)
                .findFirst()
                .orElse(null);
    }
}
