package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.Template;
import org.layerlab.core.training.MemoryBudget;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.core.training.TrainingResult;
import org.layerlab.engine.DjlTrainingEngine;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A run whose training breaks ends as failed, with the reason, and the next run can start. */
class FailingRunTest extends WorkbenchTestBase {

    /** The real engine, except that training breaks at once. */
    private static final class BrokenEngine implements TrainingEngine {
        private final DjlTrainingEngine real = new DjlTrainingEngine();

        @Override
        public TrainingResult train(
                Dataset dataset,
                LayerStack stack,
                TrainingConfig config,
                TrainingObserver observer,
                TrainingControl control) {
            throw new IllegalStateException("the native library stopped responding");
        }

        @Override
        public MemoryBudget memoryBudget() {
            return real.memoryBudget();
        }

        @Override
        public TrainedModel load(LayerStack stack, ModelInfo info, Path weightsFolder) throws IOException {
            return real.load(stack, info, weightsFolder);
        }
    }

    @Start
    void start(Stage stage) {
        open(stage, new BrokenEngine());
    }

    @Test
    void aFailingRunEndsAsFailed(FxRobot robot) throws Exception {
        robot.clickOn("1  Data");
        robot.clickOn("iris");
        robot.clickOn("#load-sample");
        await(() -> window.projects().state().datasetProperty().get() != null);
        robot.interact(() -> window.network().applyTemplate(Template.IRIS_MLP));
        robot.clickOn("3  Training");
        robot.clickOn("#start");
        await(() -> !window.training().runningProperty().get());
        assertEquals("failed", window.training().runs().get(0).resultProperty().get());
        assertEquals("FAILED", window.projects().state().runs().get(0).outcome());
        String message = robot.lookup("#training-message").queryAs(Label.class).getText();
        assertTrue(message.contains("the native library stopped responding"), message);
        assertEquals(
                "Run 1: failed",
                robot.lookup("#progress-text").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#runs").lookup("failed").tryQuery().isPresent(), "the row says failed");
        robot.clickOn("#start");
        await(() -> window.training().runs().size() == 2
                && !window.training().runningProperty().get());
    }
}
