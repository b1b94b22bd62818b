package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.layerlab.core.explain.Explanations;
import org.layerlab.core.explain.TrainingTopic;
import org.layerlab.core.stack.Template;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.ui.help.HelpEntry;
import org.layerlab.ui.help.HelpPanel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The Help panels as a student meets them: a palette item and a layer of the stack explained with a drawn
 * formula and the layer's own numbers, F1 on the optimizer, and F1 elsewhere opening the guide. Saves the
 * panels to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelpPanelTest extends WorkbenchTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    @Order(2)
    void aPaletteItemAndALayerOfTheStackAreExplained(FxRobot robot) throws Exception {
        robot.clickOn("2  Network");
        robot.clickOn(robot.lookup("#palette").lookup("Conv2D").<Node>query());
        Node panel = robot.lookup("#network-help").query();
        assertEquals("Conv2D", text(robot, panel, "#help-title"));
        assertFormulaDrawn(robot, panel);
        snapshot(robot, panel, "help-conv2d");

        robot.interact(() -> window.data().loadSample("mnist"));
        await(() -> window.projects().state().datasetProperty().get() != null);
        robot.interact(() -> window.network().applyTemplate(Template.MNIST_CNN));
        ListCell<?> conv = robot.lookup("#stack").lookup(".list-cell").nth(0).queryAs(ListCell.class);
        robot.clickOn(conv);
        String numbers = text(robot, panel, "#help-numbers");
        assertTrue(numbers.contains("(32, 26, 26) because 28 − 3 + 1 = 26 with a 3×3 kernel and no padding"), numbers);
        assertTrue(numbers.contains("320 parameters = 32 × (1 × 3 × 3) + 32 biases"), numbers);
        assertEquals(numbers, conv.getTooltip().getText(), "the row's tooltip explains the same numbers");
        ListCell<?> dense = robot.lookup("#stack").lookup(".list-cell").nth(7).queryAs(ListCell.class);
        assertTrue(dense.getTooltip().getText().contains("102,464 parameters = 1,600 × 64 weights + 64 biases"));
        snapshot(robot, window.stage().getScene().getRoot(), "help-network");

        // The smallest window LayerLab is made for. Last, because Monocle cannot grow a window again.
        robot.interact(() -> {
            window.stage().setWidth(1024);
            window.stage().setHeight(768);
        });
        snapshot(robot, window.stage().getScene().getRoot(), "help-network-1024");
        robot.clickOn("3  Training");
        robot.clickOn("#learning-rate");
        assertEquals("Learning rate", text(robot, robot.lookup("#training-help").query(), "#help-title"));
        snapshot(robot, window.stage().getScene().getRoot(), "help-training-1024");
    }

    @Test
    @Order(1)
    void f1OnTheOptimizerExplainsItAndElsewhereOpensTheGuide(FxRobot robot) throws Exception {
        robot.clickOn("3  Training");
        robot.interact(() -> window.training().optimizerProperty().set(OptimizerKind.RMSPROP));
        HelpPanel panel = robot.lookup("#training-help").queryAs(HelpPanel.class);
        robot.clickOn("#optimizer");
        robot.type(KeyCode.ESCAPE);
        // Something else in the panel, so that only F1 can bring the optimizer back.
        robot.interact(() -> panel.show(HelpEntry.of(Explanations.of(TrainingTopic.SEED))));
        assertEquals("Seed", text(robot, panel, "#help-title"));

        robot.type(KeyCode.F1);
        assertEquals("RMSprop", text(robot, panel, "#help-title"));
        assertTrue(text(robot, panel, "#help-summary").contains("decay"));
        assertFormulaDrawn(robot, panel);
        assertEquals(1, robot.listWindows().size(), "F1 on a setting opens no dialog");
        snapshot(robot, panel, "help-rmsprop");
        snapshot(robot, window.stage().getScene().getRoot(), "help-training");

        robot.clickOn("#runs").type(KeyCode.F1);
        await(() -> robot.listWindows().size() == 2);
        assertTrue(robot.lookup("How LayerLab works").tryQuery().isPresent(), "F1 on the runs list opens the guide");
        robot.clickOn("OK");
        await(() -> robot.listWindows().size() == 1);
    }

    private static String text(FxRobot robot, Node panel, String id) {
        return robot.from(panel).lookup(id).queryAs(Label.class).getText();
    }

    /** The formula is an image of real width with ink on its transparent background. */
    private static void assertFormulaDrawn(FxRobot robot, Node panel) {
        ImageView formula = robot.from(panel).lookup("#help-formula").queryAs(ImageView.class);
        Image image = formula.getImage();
        assertTrue(formula.isVisible() && image != null && image.getWidth() > 0, "a formula is shown");
        assertTrue(formula.getBoundsInParent().getWidth() > 40, "at a readable size");
        PixelReader pixels = image.getPixelReader();
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (pixels.getColor(x, y).getOpacity() > 0.5) {
                    inked++;
                }
            }
        }
        assertTrue(inked > 100, "the formula has ink: " + inked + " pixels");
    }

    private static void snapshot(FxRobot robot, Node node, String name) throws Exception {
        Snapshots.save(robot, node, name, 5_000);
    }
}
