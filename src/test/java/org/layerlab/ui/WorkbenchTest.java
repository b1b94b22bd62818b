package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layerlab.ui.network.LayerRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench used the way a student uses it, headless under Monocle. */
class WorkbenchTest extends WorkbenchTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void loadIris(FxRobot robot) throws Exception {
        robot.clickOn("1  Data");
        robot.clickOn("iris");
        robot.clickOn("#load-sample");
        await(() -> window.projects().state().datasetProperty().get() != null);
        // These tests build a stack by hand: start them from an empty one, not the network suggested for Iris.
        robot.interact(() -> {
            while (!window.network().rows().isEmpty()) {
                window.network().remove(0);
            }
        });
    }

    private ListView<LayerRow> stack(FxRobot robot) {
        return robot.lookup("#stack").queryListView();
    }

    private String total(FxRobot robot) {
        return robot.lookup("#total-parameters").queryAs(Label.class).getText();
    }

    private void dragFromPalette(FxRobot robot, String layer) {
        robot.drag(robot.lookup("#palette").lookup(layer).<Node>query(), MouseButton.PRIMARY)
                .dropTo("#stack");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void dragADenseLayerIntoTheStackAndEditIt(FxRobot robot) throws Exception {
        loadIris(robot);
        robot.clickOn("2  Network");
        dragFromPalette(robot, "Dense");
        assertEquals(1, stack(robot).getItems().size());
        assertEquals("(64)", stack(robot).getItems().get(0).output());
        assertEquals("320 parameters", total(robot));

        robot.clickOn(robot.lookup("#stack").lookup("Dense(64)").<Node>query());
        Node units = robot.lookup("#layer-sheet").lookup(".text-field").query();
        robot.doubleClickOn(units).eraseText(4).write("0");
        assertTrue(
                units.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("danger")),
                "0 units is refused while typing");
        assertEquals(
                "units must be at least 1 but is 0",
                robot.lookup("#setting-problem").queryAs(Label.class).getText(),
                "the reason is written under the settings, not only in a tooltip");
        assertEquals("Dense(64)", stack(robot).getItems().get(0).label(), "the stack keeps the last good value");
        robot.eraseText(1).write("100000000000");
        assertEquals(
                "units must be at most 2,147,483,647 (is 100,000,000,000)",
                ((javafx.scene.control.TextField) units).getTooltip().getText(),
                "a number too large is told so, not called no whole number");
        robot.eraseText(12).write("3");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Dense(3)", stack(robot).getItems().get(0).label(), "the stack follows every good keystroke");
        assertFalse(robot.lookup("#setting-problem").queryAs(Label.class).isVisible());
        robot.write("2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Dense(32)", stack(robot).getItems().get(0).label(), "typing goes on in the same field");
        robot.eraseText(1);
        assertEquals("15 parameters", total(robot));
        assertTrue(
                robot.lookup("#problems").queryListView().getItems().isEmpty(), "Dense(3) on iris is a valid network");

        Node editedUnits = robot.lookup("#layer-sheet").lookup(".text-field").query();
        robot.clickOn(editedUnits).type(KeyCode.HOME).type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, stack(robot).getItems().size(), "Delete in a text field edits the text, not the stack");
    }

    @Test
    void aLayerDroppedOnARowsLowerHalfGoesBelowIt(FxRobot robot) throws Exception {
        loadIris(robot);
        robot.clickOn("2  Network");
        dragFromPalette(robot, "Dense");
        dragFromPalette(robot, "Activation");
        Node dense = robot.lookup("#stack").lookup("Dense(64)").query();
        robot.drag(robot.lookup("#palette").lookup("Dropout").<Node>query(), MouseButton.PRIMARY)
                .moveTo(dense)
                .moveBy(0, 8)
                .drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Dropout(0.5)", stack(robot).getItems().get(1).label(), "below Dense, above the activation");
        robot.drag(robot.lookup("#palette").lookup("Flatten").<Node>query(), MouseButton.PRIMARY)
                .moveTo(robot.lookup("#stack").lookup("Dense(64)").<Node>query())
                .moveBy(0, -8)
                .drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Flatten", stack(robot).getItems().get(0).label(), "on the upper half: above it");
    }

    @Test
    void dragALayerToReorderTheStack(FxRobot robot) throws Exception {
        loadIris(robot);
        robot.clickOn("2  Network");
        dragFromPalette(robot, "Dense");
        dragFromPalette(robot, "Dropout");
        assertEquals("Dropout(0.5)", stack(robot).getItems().get(1).label());
        Node dropout = robot.lookup("#stack").lookup("Dropout(0.5)").query();
        Node dense = robot.lookup("#stack").lookup("Dense(64)").query();
        robot.drag(dropout, MouseButton.PRIMARY).dropTo(dense);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Dropout(0.5)", stack(robot).getItems().get(0).label(), "moved above the Dense layer");
        assertEquals("Dense(64)", stack(robot).getItems().get(1).label());
    }

    @Test
    void anImpossibleStackShowsItsReasonBesideTheLayer(FxRobot robot) throws Exception {
        loadIris(robot);
        robot.clickOn("2  Network");
        dragFromPalette(robot, "Conv2D");
        LayerRow row = stack(robot).getItems().get(0);
        assertTrue(
                row.problem()
                        .startsWith(
                                "Layer 1 (Conv2D) needs a 3-D input (channels, height, width) but " + "receives (4)"),
                row.problem());
        assertTrue(
                robot.lookup("#stack").lookup(".layer-problem").tryQuery().isPresent(),
                "the reason is shown in the stack");
        assertTrue(robot.lookup(".broken").tryQuery().isPresent(), "the layer is marked");
    }

    @Test
    void undoAndRedoEveryEdit(FxRobot robot) throws Exception {
        loadIris(robot);
        robot.clickOn("2  Network");
        dragFromPalette(robot, "Dense");
        dragFromPalette(robot, "Dropout");
        assertEquals(2, stack(robot).getItems().size());
        robot.clickOn("#undo");
        assertEquals(1, stack(robot).getItems().size());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, stack(robot).getItems().size());
        robot.clickOn("#redo");
        robot.clickOn("#redo");
        assertEquals(2, stack(robot).getItems().size());
        robot.clickOn(robot.lookup("#stack").lookup("Dense(64)").<Node>query());
        robot.type(KeyCode.DELETE);
        assertEquals(1, stack(robot).getItems().size(), "one key press removes one layer");
        assertEquals("Dropout(0.5)", stack(robot).getItems().get(0).label());
    }

    @Test
    void trainIrisForTwoEpochsAndWatchTheCharts(FxRobot robot) throws Exception {
        loadIris(robot);
        robot.clickOn("2  Network");
        robot.clickOn("#templates").clickOn("Iris MLP");
        robot.clickOn("3  Training");
        Spinner<?> epochs = robot.lookup("#epochs").queryAs(Spinner.class);
        robot.doubleClickOn(epochs.getEditor()).write("2").type(KeyCode.ENTER);
        robot.clickOn("#start");
        await(() -> !window.training().runningProperty().get());
        LineChart<?, ?> loss = robot.lookup("#loss-chart").queryAs(LineChart.class);
        LineChart<?, ?> accuracy = robot.lookup("#accuracy-chart").queryAs(LineChart.class);
        assertEquals(3, loss.getData().size(), "training and validation curves, and the best-epoch ring");
        assertTrue(loss.getData().get(2).getData().isEmpty(), "no best epoch without early stopping");
        assertFalse(loss.getData().get(0).getData().isEmpty(), "training points");
        assertEquals(2, loss.getData().get(1).getData().size(), "one validation point per epoch");
        assertEquals(2, accuracy.getData().get(1).getData().size());
        assertEquals(1.0, window.training().progressProperty().get());
        String progress = robot.lookup("#progress-text").queryAs(Label.class).getText();
        assertTrue(progress.startsWith("Run 1: completed, test accuracy"), progress);
    }

    @Test
    void theEpochWhoseWeightsEarlyStoppingKeptIsMarked(FxRobot robot) throws Exception {
        loadIris(robot);
        robot.interact(() -> {
            window.network().applyTemplate(org.layerlab.core.stack.Template.IRIS_MLP);
            window.training().epochsProperty().set(8);
            window.training().learningRateProperty().set(1e-9);
            window.training().patienceProperty().set(1);
            window.training().keepBestProperty().set(true);
            window.training().start();
        });
        await(() -> !window.training().runningProperty().get());
        LineChart<?, ?> loss = robot.lookup("#loss-chart").queryAs(LineChart.class);
        var ring = loss.getData().get(2).getData();
        assertEquals(1, ring.size(), "one ring on the kept epoch");
        assertEquals(
                window.projects().state().runs().get(0).bestEpoch(),
                ((Number) ring.get(0).getXValue()).intValue());
        assertTrue(ring.get(0).getNode().isVisible());
    }

    @Test
    void pauseResumeAndStopARun(FxRobot robot) throws Exception {
        loadIris(robot);
        robot.clickOn("2  Network");
        robot.clickOn("#templates").clickOn("Iris MLP");
        robot.interact(() -> {
            window.training().batchSizeProperty().set(1);
            window.training().epochsProperty().set(500);
        });
        robot.clickOn("3  Training");
        robot.clickOn("#start");
        await(() -> window.training().progressProperty().get() > 0);
        robot.clickOn("#pause");
        assertTrue(window.training().pausedProperty().get());
        assertEquals("Resume", robot.lookup("#pause").queryButton().getText());
        robot.clickOn("#pause");
        assertFalse(window.training().pausedProperty().get());
        robot.clickOn("#stop");
        await(() -> !window.training().runningProperty().get());
        assertTrue(
                window.training().runs().get(0).resultProperty().get().startsWith("cancelled"),
                window.training().runs().get(0).resultProperty().get());
        assertTrue(window.training().progressProperty().get() < 1);
    }

    @Test
    void saveAProjectAndOpenItAgain(FxRobot robot) throws Exception {
        loadIris(robot);
        robot.clickOn("2  Network");
        robot.clickOn("#templates").clickOn("Iris MLP");
        robot.clickOn("3  Training");
        Spinner<?> epochs = robot.lookup("#epochs").queryAs(Spinner.class);
        robot.doubleClickOn(epochs.getEditor()).write("7").type(KeyCode.ENTER);
        assertTrue(window.stage().getTitle().endsWith(" *"), "unsaved changes are flagged");
        Path file = home.resolve("flowers.layerlab");
        robot.interact(() -> window.projects().saveAs(file));
        await(() -> !window.projects().state().dirtyProperty().get());
        assertEquals("LayerLab — flowers.layerlab", window.stage().getTitle());
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("2  Network");
        assertEquals(0, stack(robot).getItems().size());
        robot.interact(() -> window.projects().open(file));
        await(() -> window.projects().state().datasetProperty().get() != null);
        assertEquals(3, stack(robot).getItems().size());
        assertEquals("Dense(16)", stack(robot).getItems().get(0).label());
        robot.clickOn("3  Training");
        assertEquals(7, robot.lookup("#epochs").queryAs(Spinner.class).getValue());
        assertFalse(window.projects().state().dirtyProperty().get());
    }

    @Test
    void closingDuringTrainingAsksThenStopsCleanly(FxRobot robot) throws Exception {
        loadIris(robot);
        robot.interact(() -> {
            window.network().applyTemplate(org.layerlab.core.stack.Template.IRIS_MLP);
            window.training().batchSizeProperty().set(1);
            window.training().epochsProperty().set(500);
            window.training().start();
        });
        await(() -> window.training().progressProperty().get() > 0);
        java.util.concurrent.Future<Void> closing = WaitForAsyncUtils.asyncFx(() -> window.stage()
                .fireEvent(
                        new javafx.stage.WindowEvent(window.stage(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Don't Save");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("OK");
        await(() -> !window.stage().isShowing());
        WaitForAsyncUtils.waitFor(closing);
        assertFalse(window.training().runningProperty().get());
        assertTrue(window.training().runs().get(0).resultProperty().get().startsWith("cancelled"));
    }

    @Test
    void quittingWithUnsavedChangesOffersToSaveThem(FxRobot robot) throws Exception {
        loadIris(robot);
        Path file = home.resolve("quit-and-save.layerlab");
        robot.interact(() -> window.projects().saveAs(file));
        await(() -> !window.projects().state().dirtyProperty().get());
        robot.interact(() -> window.network().applyTemplate(org.layerlab.core.stack.Template.IRIS_MLP));
        assertTrue(window.projects().state().dirtyProperty().get());
        java.util.concurrent.Future<Void> closing = WaitForAsyncUtils.asyncFx(() -> window.stage()
                .fireEvent(
                        new javafx.stage.WindowEvent(window.stage(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Don't Save").tryQuery().isPresent(), "Save, Don't Save or Cancel");
        robot.clickOn("Save");
        await(() -> !window.stage().isShowing());
        WaitForAsyncUtils.waitFor(closing);
        assertTrue(Files.readString(file).contains("dense"), "the template was saved before quitting");
    }

    @Test
    void aBadCsvShowsTheMessageAndTheAppKeepsWorking(FxRobot robot) throws Exception {
        Path bad = home.resolve("broken.csv");
        Files.writeString(bad, "size,label\n1,a\n2\n");
        robot.clickOn("1  Data");
        robot.interact(() -> window.data().loadFile(bad));
        await(() -> !window.data().errorProperty().get().isEmpty());
        String error = robot.lookup("#data-error").queryAs(Label.class).getText();
        assertTrue(error.contains("broken.csv line 3: has 1 cells but the header has 2"), error);
        robot.clickOn("iris");
        robot.clickOn("#load-sample");
        await(() -> window.projects().state().datasetProperty().get() != null);
        assertTrue(window.data().errorProperty().get().isEmpty());
    }
}
