package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layerlab.core.stack.Template;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The training charts before any run and after a run of one epoch. */
class ChartsTest extends WorkbenchTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void anEmptyLossChartHasALossRangeAndAOneEpochRunShowsItsValidationPoint(FxRobot robot) throws Exception {
        robot.clickOn("3  Training");
        LineChart<?, ?> loss = robot.lookup("#loss-chart").queryAs(LineChart.class);
        NumberAxis lossAxis = (NumberAxis) loss.getYAxis();
        assertEquals(0, lossAxis.getLowerBound());
        assertEquals(2.5, lossAxis.getUpperBound(), "a range a first loss falls in, not 0–100");

        robot.interact(() -> window.data().loadSample("iris"));
        await(() -> window.projects().state().datasetProperty().get() != null);
        robot.interact(() -> {
            window.network().applyTemplate(Template.IRIS_MLP);
            window.training().epochsProperty().set(1);
            window.training().batchSizeProperty().set(16);
            window.training().start();
        });
        await(() -> !window.training().runningProperty().get());
        XYChart.Series<?, ?> validation = loss.getData().get(1);
        assertEquals(1, validation.getData().size(), "one epoch, one validation point");
        javafx.scene.Node point = validation.getData().get(0).getNode();
        assertTrue(point != null && point.isVisible(), "the single point is drawn");
        assertTrue(point.getStyleClass().contains("validation-point"));
        assertTrue(lossAxis.isAutoRanging(), "with points to show, the axis fits them");
        assertFalse(point.getBoundsInParent().isEmpty());
    }
}
