package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.Template;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.SuggestedNetwork;
import org.layerlab.testing.TinyData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Inside step after training a CNN, used as a student would: look at the filters, step through the test
 * images, draw one.
 */
class InsideTest extends WorkbenchTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void train(FxRobot robot, Dataset data, LayerStack stack, int epochs, int batchSize) throws Exception {
        robot.interact(() -> {
            window.projects().state().datasetProperty().set(data);
            window.projects().state().stackProperty().set(stack);
            window.training().epochsProperty().set(epochs);
            window.training().batchSizeProperty().set(batchSize);
            window.training().learningRateProperty().set(0.001);
            window.training().start();
        });
        // Longer than await's deadline: training a real CNN takes minutes on a machine shared with other work.
        WaitForAsyncUtils.waitFor(
                600,
                TimeUnit.SECONDS,
                () -> !window.training().runningProperty().get()
                        && window.projects().state().selectedModelProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<ImageView> images(FxRobot robot, String query) {
        return robot.lookup(query).lookup((Node n) -> n instanceof ImageView).queryAllAs(ImageView.class).stream()
                .toList();
    }

    private static int[] pixels(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader()
                .getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, width);
        return argb;
    }

    private static String note(FxRobot robot) {
        return robot.lookup("#inside-sample-note").queryAs(Label.class).getText();
    }

    @Test
    void theFiltersOfATrainedCnnAndItsFeatureMapsOfTheChosenImage(FxRobot robot) throws Exception {
        LayerStack cnn = LayerStack.of(
                TensorShape.of(1, 8, 8),
                new Conv2D(6, 3),
                Activation.RELU,
                new MaxPool2D(2, 2),
                new Flatten(),
                new Dense(2));
        train(robot, TinyData.halves(30, 1), cnn, 3, 8);

        robot.clickOn("6  Inside");
        Pane filters = robot.lookup("#inside-filters").queryAs(Pane.class);
        await(() -> filters.getChildren().size() == 6);
        List<ImageView> kernels = images(robot, "#inside-filters");
        assertEquals(6, kernels.size(), "one picture per filter of the first convolution");
        for (ImageView kernel : kernels) {
            int[] argb = pixels(kernel.getImage());
            assertTrue(kernel.getImage().getWidth() >= 9, "enlarged from 3 × 3");
            assertTrue(Arrays.stream(argb).distinct().count() > 1, "a kernel of nine weights is not one colour");
        }

        await(() -> note(robot).contains("The network says"));
        assertTrue(note(robot).startsWith("Test image 1 of 30: "), note(robot));
        List<ImageView> maps = images(robot, "#inside-maps");
        assertEquals(12, maps.size(), "six maps of the convolution and six of the pooling");
        int[] firstImagesMap = pixels(maps.get(0).getImage());

        robot.clickOn("#inside-next");
        await(() ->
                note(robot).startsWith("Test image 2 of 30: ") && note(robot).contains("The network says"));
        assertFalse(
                Arrays.equals(
                        firstImagesMap,
                        pixels(images(robot, "#inside-maps").get(0).getImage())),
                "another image, other feature maps");

        Node canvas = robot.lookup("#inside-canvas").query();
        robot.drag(canvas.localToScreen(140, 30), MouseButton.PRIMARY)
                .moveTo(canvas.localToScreen(140, 150))
                .drop();
        await(() -> note(robot).startsWith("Your drawing. The network says"));
        assertEquals(12, images(robot, "#inside-maps").size(), "the drawing's feature maps");

        assertEquals(
                4,
                robot.lookup("#inside-histograms")
                        .queryAs(Pane.class)
                        .getChildren()
                        .size(),
                "a histogram per parameter tensor: the convolution's and the Dense layer's weights and biases");
    }

    /**
     * The README's picture of the Inside step: the MNIST CNN trained for one epoch on the first 10,000 training
     * images of MNIST; then its weights (the page scrolled down), and the page at 1024 × 768, to see that
     * nothing is cut off.
     */
    @Test
    void screenshotOfAnMnistCnn(FxRobot robot) throws Exception {
        robot.interact(() -> window.data().loadSample("mnist"));
        await(() -> window.projects().state().datasetProperty().get() != null);
        Dataset mnist = window.projects().state().datasetProperty().get();
        Dataset subset = new Dataset(
                mnist.name(),
                mnist.kind(),
                mnist.inputShape(),
                mnist.classNames(),
                mnist.train().subset(IntStream.range(0, 10_000).toArray()),
                mnist.validation().subset(IntStream.range(0, 1_000).toArray()),
                mnist.test().subset(IntStream.range(0, 1_000).toArray()),
                mnist.preprocessing(),
                mnist.split(),
                mnist.notes());
        LayerStack cnn = SuggestedNetwork.stackFor(Template.MNIST_CNN, subset);
        train(robot, subset, cnn, 1, 64);
        robot.interact(() -> window.tabs().getSelectionModel().select(6));
        await(() -> note(robot).contains("The network says"));
        snapshot(robot, "inside");
        robot.interact(
                () -> robot.lookup("#inside-scroll").queryAs(ScrollPane.class).setVvalue(1));
        snapshot(robot, "inside-weights");
        robot.interact(() -> {
            robot.lookup("#inside-scroll").queryAs(ScrollPane.class).setVvalue(0);
            window.stage().setWidth(1024);
            window.stage().setHeight(768);
        });
        snapshot(robot, "inside-1024");
    }
}
