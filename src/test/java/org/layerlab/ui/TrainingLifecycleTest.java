package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layerlab.core.project.DataSettings;
import org.layerlab.core.project.Project;
import org.layerlab.core.stack.Template;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.files.ProjectFile;
import org.layerlab.ui.welcome.WelcomeView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Training form shows what was saved, and a run in progress when the project changes. */
class TrainingLifecycleTest extends WorkbenchTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void openingASavedProjectShowsEverySavedSetting(FxRobot robot) throws Exception {
        TrainingConfig saved = new TrainingConfig(
                new OptimizerSettings(OptimizerKind.MOMENTUM, 0.05, 0.7, 0.9, 0.9, 0.999, 1e-8),
                LossKind.SOFTMAX_CROSS_ENTROPY,
                9,
                24,
                0.3,
                7,
                new EarlyStopping(3, true));
        Path file = home.resolve("saved-settings.layerlab");
        ProjectFile.write(
                file,
                new Project(
                        DataSettings.sample("iris").withLabelColumn("species"),
                        Template.IRIS_MLP.stackFor(TensorShape.of(4), 3, 0),
                        saved,
                        List.of()));
        robot.interact(() -> window.projects().open(file));
        await(() -> window.projects().state().datasetProperty().get() != null);
        robot.clickOn("3  Training");
        assertEquals(
                OptimizerKind.MOMENTUM,
                robot.lookup("#optimizer").queryComboBox().getValue());
        assertEquals(
                "0.05", robot.lookup("#learning-rate").queryAs(TextField.class).getText());
        assertEquals("0.7", robot.lookup("#momentum").queryAs(TextField.class).getText());
        assertEquals(9, robot.lookup("#epochs").queryAs(Spinner.class).getValue());
        assertEquals(24, robot.lookup("#batch-size").queryAs(Spinner.class).getValue());
        assertEquals(0.3, robot.lookup("#validation").queryAs(Spinner.class).getValue());
        assertEquals("7", robot.lookup("#seed").queryAs(TextField.class).getText());
        assertEquals(3, robot.lookup("#patience").queryAs(Spinner.class).getValue());
        assertTrue(robot.lookup("#keep-best").queryAs(CheckBox.class).isSelected());
        assertEquals(saved, window.training().config());
        assertEquals(saved, window.projects().state().trainingProperty().get());
        assertEquals(
                Template.IRIS_MLP.stackFor(TensorShape.of(4), 3, 0),
                window.projects().state().stackProperty().get());
        assertFalse(window.projects().state().dirtyProperty().get(), "showing the settings is no edit");
    }

    /** Settings of other optimizers, hidden, leave no gap: Adam's rows are as far apart as any others. */
    @Test
    void hiddenOptimizerSettingsLeaveNoGap(FxRobot robot) throws Exception {
        robot.clickOn("3  Training");
        robot.interact(() -> window.training().optimizerProperty().set(OptimizerKind.ADAM));
        WaitForAsyncUtils.waitForFxEvents();
        double rate = top(robot, "#learning-rate");
        double beta1 = top(robot, "#beta1");
        double beta2 = top(robot, "#beta2");
        assertTrue(beta1 - rate > 0, "Beta 1 below Learning rate");
        assertEquals(beta2 - beta1, beta1 - rate, 1.0, "the same spacing where Momentum and Rho are hidden");
    }

    private static double top(FxRobot robot, String id) {
        javafx.scene.Node node = robot.lookup(id).query();
        return node.localToScene(node.getBoundsInLocal()).getMinY();
    }

    @Test
    void fileNewDuringARunStopsItFirstAndTheNewProjectHasNoRuns(FxRobot robot) throws Exception {
        robot.clickOn("1  Data");
        robot.clickOn("iris");
        robot.clickOn("#load-sample");
        await(() -> window.projects().state().datasetProperty().get() != null);
        robot.interact(() -> {
            window.network().applyTemplate(Template.IRIS_MLP);
            window.training().batchSizeProperty().set(1);
            window.training().epochsProperty().set(500);
        });
        robot.clickOn("3  Training");
        robot.clickOn("#start");
        await(() -> window.training().progressProperty().get() > 0);
        assertTrue(robot.lookup("#epochs").query().isDisabled(), "the form is read-only while training");
        String progress = robot.lookup("#progress-text").queryAs(Label.class).getText();
        assertTrue(progress.matches("Epoch \\d+/500 .*"), "the running run's 500 epochs: " + progress);

        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Don't Save");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("A network is training. Stop it and start a new project?")
                .tryQuery()
                .isPresent());
        robot.clickOn("OK");
        await(() -> !window.training().runningProperty().get()
                && window.projects().state().openedProperty().get() == 1);
        assertTrue(window.projects().state().runs().isEmpty(), "the stopped run is not in the new project");
        assertTrue(window.training().runs().isEmpty());
        assertTrue(robot.lookup("#runs").queryListView().getItems().isEmpty());
        assertEquals(
                "Not started",
                robot.lookup("#progress-text").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#epochs").query().isDisabled());
        assertTrue(robot.lookup("#runs-data").queryAs(ComboBox.class).getItems().isEmpty());
    }

    @Test
    void aWelcomeExampleWhoseDataFailsLeavesTheNextLoadAlone(FxRobot robot) throws Exception {
        WelcomeView.Example broken = new WelcomeView.Example(
                "Broken", "data that cannot load", "no-such-sample", Template.IRIS_MLP, 3, 8, 0.1);
        robot.interact(() -> window.openExample(broken));
        await(() -> !window.data().errorProperty().get().isEmpty());
        robot.clickOn("iris");
        robot.clickOn("#load-sample");
        await(() -> window.projects().state().datasetProperty().get() != null);
        // Iris gets the network and settings suggested for its data, not the broken example's (3 epochs, lr 0.1).
        assertEquals(
                org.layerlab.core.training.TrainingDefaults.forTrainingRows(window.projects()
                                .state()
                                .datasetProperty()
                                .get()
                                .train()
                                .count())
                        .epochs(),
                window.training().epochsProperty().get());
        assertNotEquals(0.1, window.training().learningRateProperty().get());
        assertEquals("", window.training().messageProperty().get(), "no stale 'ready: press Start'");
    }
}
