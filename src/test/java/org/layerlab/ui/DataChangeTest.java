package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.project.RunRecord;
import org.layerlab.testing.TestTables;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A student tries the Iris example, then loads a table of their own and presses Start, touching nothing else. */
class DataChangeTest extends WorkbenchTestBase {
    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void afterTheIrisExampleOwnDataTrainsWithTheNetworkAndSettingsItGets(FxRobot robot) throws Exception {
        robot.clickOn("#example-iris");
        await(() -> window.training().messageProperty().get().equals("Iris flowers is ready: press Start."));

        Path table = TestTables.clouds(folder.resolve("wine.csv"), 180, 7, 3, 11);
        robot.interact(() -> window.data().loadFile(table));
        await(() -> window.projects().state().datasetProperty().get().name().equals("wine.csv"));

        robot.clickOn("2  Network");
        assertEquals(
                "Kept this network for wine.csv: it takes its input (7) from the data.",
                text(robot, "#network-data-note"));
        robot.clickOn("3  Training");
        assertEquals(
                "Settings chosen for 126 training rows: batch 8, 94 epochs (16 batches an epoch, 1,504 steps).",
                text(robot, "#settings-chosen"));
        robot.clickOn("#start");
        await(() -> !window.projects().state().runs().isEmpty()
                && !window.training().runningProperty().get());

        RunRecord run = window.projects().state().runs().get(0);
        assertEquals(
                "COMPLETED", run.outcome(), window.training().messageProperty().get());
        assertTrue(run.testAccuracy() >= 0.8, "the own table is learnt: " + run.testAccuracy());
    }
}
