package org.layerlab.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layerlab.core.stack.LayerKind;
import org.layerlab.core.stack.Template;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Renders the main screens to PNG (target/screenshots, see {@link WorkbenchTestBase#snapshot}) so that they
 * can be looked at and kept in the README.
 */
class ScreenshotTest extends WorkbenchTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void select(FxRobot robot, int tab) {
        robot.interact(() -> window.tabs().getSelectionModel().select(tab));
    }

    @Test
    void mainScreens(FxRobot robot) throws Exception {
        snapshot(robot, "welcome");
        robot.interact(() -> window.data().loadSample("iris"));
        await(() -> window.projects().state().datasetProperty().get() != null);
        select(robot, 1);
        snapshot(robot, "data-table");

        select(robot, 2);
        robot.interact(() -> {
            window.network().applyTemplate(Template.IRIS_MLP);
            window.network().insert(LayerKind.CONV2D, 1);
        });
        snapshot(robot, "network-problem");

        robot.interact(() -> {
            window.network().undo();
            window.training().epochsProperty().set(30);
            window.training().batchSizeProperty().set(16);
            window.training().learningRateProperty().set(0.01);
            window.training().start();
        });
        await(() -> !window.training().runningProperty().get());
        robot.interact(() -> {
            window.training().learningRateProperty().set(0.003);
            window.training().start();
        });
        await(() -> !window.training().runningProperty().get());
        select(robot, 3);
        snapshot(robot, "training");

        robot.interact(() -> window.data().loadSample("mnist"));
        await(() -> window.projects().state().datasetProperty().get() != null
                && window.projects().state().datasetProperty().get().name().equals("mnist"));
        select(robot, 1);
        snapshot(robot, "data-images");
        robot.interact(() -> {
            window.network().applyTemplate(Template.MNIST_CNN);
            window.network().selectedProperty().set(3);
        });
        select(robot, 2);
        snapshot(robot, "network");

        robot.interact(() -> {
            window.network().applyTemplate(Template.MNIST_MLP);
            window.training().epochsProperty().set(1);
            window.training().batchSizeProperty().set(128);
            window.training().learningRateProperty().set(0.001);
            window.training().start();
        });
        await(() -> !window.training().runningProperty().get());
        select(robot, 4);
        await(() -> window.results().summaryProperty().get().contains("10,000 test samples of mnist"));
        robot.clickOn("#cell-4-9");
        snapshot(robot, "results");
    }
}
