package org.layerlab.ui.tryit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.ContentFrame;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Samples;
import org.layerlab.core.data.Split;
import org.layerlab.core.project.DataSettings;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.Lstm;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.data.DataLoading;
import org.layerlab.data.DataRequests;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.testing.TinyData;
import org.layerlab.ui.common.FxTaskExecutor;
import org.layerlab.ui.project.LoadedRun;
import org.layerlab.ui.project.ProjectState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Try it screen with real trained models, used with the mouse and keyboard as a student would. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class TryItViewTest {
    private static final DjlTrainingEngine ENGINE = new DjlTrainingEngine();
    /** One wrapper per model for all tests; closing it waits for a prediction still running on it. */
    private static LoadedRun bars;

    private static LoadedRun words;
    private static LoadedRun blobs;
    private static Dataset blobData;

    private ProjectState state;
    private FxTaskExecutor executor;
    private TryItView view;
    private TryItViewModel viewModel;

    @BeforeAll
    static void train() {
        TrainingConfig config = TrainingConfig.DEFAULT
                .withOptimizer(OptimizerSettings.defaults(OptimizerKind.ADAM).withLearningRate(0.01))
                .withEpochs(6)
                .withBatchSize(32);
        bars = train(
                "Run 1",
                barImages(300, 1),
                LayerStack.of(TensorShape.of(1, 28, 28), new Flatten(), new Dense(32), Activation.RELU, new Dense(2)),
                config);
        words = train(
                "Run 2",
                TinyData.tokens(200, 10),
                LayerStack.of(TensorShape.of(6), new Embedding(20, 8), new Lstm(16, false), new Dense(2)),
                config.withOptimizer(
                                OptimizerSettings.defaults(OptimizerKind.ADAM).withLearningRate(0.02))
                        .withEpochs(12)
                        .withBatchSize(16));
        blobData = TinyData.blobs(100, 1, 1f);
        blobs = train(
                "Run 3",
                blobData,
                LayerStack.of(TensorShape.of(2), new Dense(16), Activation.RELU, new Dense(2)),
                config);
    }

    private static LoadedRun train(String name, Dataset data, LayerStack stack, TrainingConfig config) {
        TrainedModel model = ENGINE.train(data, stack, config, TrainingObserver.NONE, new TrainingControl())
                .model();
        return new LoadedRun(
                new RunRecord(name, "", "test data", stack, config, List.of(), "COMPLETED", 0.95, 0), model);
    }

    @AfterAll
    static void close() {
        bars.close();
        words.close();
        blobs.close();
    }

    /**
     * 28 × 28 grey images drawn as MNIST's digits are (about 20 pixels long, 2–3 wide, white on black, near the
     * middle): class "vertical" a vertical bar, class "horizontal" a horizontal one.
     */
    static Dataset barImages(int perPart, long seed) {
        Random random = new Random(seed);
        Samples[] parts = new Samples[3];
        for (int p = 0; p < 3; p++) {
            byte[] pixels = new byte[perPart * 784];
            int[] labels = new int[perPart];
            for (int i = 0; i < perPart; i++) {
                labels[i] = i % 2;
                int length = 16 + random.nextInt(5);
                int thickness = 2 + random.nextInt(2);
                int across = 13 + random.nextInt(3) - thickness / 2;
                int along = 14 - length / 2 + random.nextInt(3) - 1;
                int grey = 200 + random.nextInt(56);
                for (int a = along; a < along + length; a++) {
                    for (int t = across; t < across + thickness; t++) {
                        int at = labels[i] == 0 ? a * 28 + t : t * 28 + a;
                        pixels[i * 784 + at] = (byte) grey;
                    }
                }
            }
            parts[p] = new Samples(new ByteFeatures(pixels, 784), labels);
        }
        return new Dataset(
                "bars",
                DataKind.IMAGE,
                new int[] {1, 28, 28},
                List.of("vertical", "horizontal"),
                parts[0],
                parts[1],
                parts[2],
                new Preprocessing.Image(
                        1, 28, 28, ContentFrame.measure(((ByteFeatures) parts[0].features()).data(), 1, 28, 28)),
                new Split(0.2, 0.2, seed),
                List.of());
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executor = new FxTaskExecutor();
        state = new ProjectState();
        viewModel = new TryItViewModel(state, executor);
        view = new TryItView(viewModel);
        Scene scene = new Scene(view, 1000, 560);
        scene.getStylesheets()
                .add(TryItViewTest.class.getResource("/assets/layerlab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopWork() {
        executor.close();
    }

    private void select(FxRobot robot, LoadedRun run) {
        robot.interact(() -> state.selectedModelProperty().set(run));
    }

    /** Waits (polling, with a deadline) for background work, then for the FX thread. */
    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String message(FxRobot robot) {
        Label message = robot.lookup("#try-message").queryAs(Label.class);
        return message.isVisible() ? message.getText() : "";
    }

    /** The bars as shown: "class percentage" per row, the model's answer marked with a star. */
    private static List<String> shown(FxRobot robot) {
        Node chart = robot.lookup("#try-probabilities").query();
        List<Label> names = robot.from(chart).lookup(".class-name").queryAllAs(Label.class).stream()
                .sorted(java.util.Comparator.comparingDouble(Label::getLayoutY))
                .toList();
        List<Label> values = robot.from(chart).lookup(".probability").queryAllAs(Label.class).stream()
                .sorted(java.util.Comparator.comparingDouble(Label::getLayoutY))
                .toList();
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Label name = names.get(i);
            rows.add((name.getStyleClass().contains("top-class") ? "*" : "") + name.getText() + " "
                    + values.get(i).getText());
        }
        return rows;
    }

    /** The class whose bar is marked as the model's answer; "" while there is none. */
    private static String answer(FxRobot robot) {
        return robot.lookup("#try-probabilities .top-class")
                .tryQueryAs(Label.class)
                .map(Label::getText)
                .orElse("");
    }

    /** Clicks into a text field, empties it with Backspace and types the new value. */
    private static void retype(FxRobot robot, TextField field, String text) {
        robot.clickOn(field).type(KeyCode.END).eraseText(field.getText().length());
        if (!text.isEmpty()) {
            robot.write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Presses at the first point of the canvas, drags through the others in 4-pixel steps, releases at the last. */
    private static void stroke(FxRobot robot, double... xy) {
        Node canvas = robot.lookup("#try-canvas").query();
        org.testfx.robot.MouseRobot mouse = robot.robotContext().getMouseRobot();
        mouse.move(canvas.localToScreen(xy[0], xy[1]));
        mouse.press(MouseButton.PRIMARY);
        for (int i = 2; i < xy.length; i += 2) {
            double x0 = xy[i - 2];
            double y0 = xy[i - 1];
            int steps = (int) Math.ceil(Math.hypot(xy[i] - x0, xy[i + 1] - y0) / 4);
            for (int s = 1; s <= steps; s++) {
                mouse.move(canvas.localToScreen(x0 + (xy[i] - x0) * s / steps, y0 + (xy[i + 1] - y0) * s / steps));
            }
        }
        mouse.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void withoutARunTheScreenSaysHowToGetOne(FxRobot robot) {
        assertTrue(message(robot).contains("Training tab"), message(robot));
        assertTrue(robot.lookup("#try-canvas").tryQuery().isEmpty(), "nothing to draw on yet");
        assertTrue(
                robot.lookup("#try-probabilities")
                        .tryQuery()
                        .map(n -> !visible(n))
                        .orElse(true),
                "no chart yet");
    }

    @Test
    void drawingAStrokeMovesTheProbabilities(FxRobot robot) throws Exception {
        select(robot, bars);
        assertTrue(message(robot).startsWith("The canvas is empty"), message(robot));
        assertEquals(List.of(), shown(robot));
        Node canvas = robot.lookup("#try-canvas").query();
        double top = canvas.localToScene(0, 0).getY();

        stroke(robot, 50, 140, 100, 141, 160, 139, 230, 140);
        await(() -> !shown(robot).isEmpty());
        assertEquals(top, canvas.localToScene(0, 0).getY(), "the canvas stays under the pen once the hint goes");
        await(() -> answer(robot).equals("horizontal"));
        List<String> horizontal = shown(robot);
        assertEquals(2, horizontal.size(), horizontal.toString());
        assertNotNull(robot.lookup("#try-preview")
                .queryAs(javafx.scene.image.ImageView.class)
                .getImage());

        robot.clickOn("#try-clear");
        await(() -> message(robot).startsWith("The canvas is empty"));
        assertEquals(List.of(), shown(robot), "Clear removes the bars with the drawing");

        stroke(robot, 140, 40, 141, 100, 139, 170, 140, 240);
        await(() -> answer(robot).equals("vertical"));
        List<String> vertical = shown(robot);
        assertNotEquals(horizontal, vertical, "the probabilities shown changed");
        assertEquals("", message(robot));
    }

    @Test
    void anOpenedPageIsShownBesideWhatTheModelReceivesAndTheCheckBoxTurnsPreparingOff(FxRobot robot) throws Exception {
        select(robot, bars);
        CheckBox prepare = robot.lookup("#try-prepare").queryAs(CheckBox.class);
        assertTrue(prepare.isVisible() && prepare.isSelected(), "the bars are MNIST-like: measured so");
        // A dark horizontal bar, large and off-centre on a light page, as a student would photograph it.
        java.awt.image.BufferedImage page =
                new java.awt.image.BufferedImage(150, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 150; x++) {
                boolean ink = y >= 20 && y < 27 && x >= 10 && x < 91;
                page.setRGB(x, y, ink ? 0x202020 : 0xE6E6E6);
            }
        }
        Path file = Files.createTempDirectory("try-page").resolve("page.png");
        ImageIO.write(page, "png", file.toFile());
        robot.interact(() -> viewModel.openImage(file));
        await(() -> answer(robot).equals("horizontal"));
        await(() ->
                robot.lookup("#try-note").queryAs(Label.class).getText().contains("page.png: inverted, cropped 81×7"));
        ImageView original = robot.lookup("#try-original").queryAs(ImageView.class);
        assertNotNull(original.getImage(), "the page as opened, beside what the model receives");
        assertTrue(original.isVisible());
        ImageView preview = robot.lookup("#try-preview").queryAs(ImageView.class);
        assertEquals(0, preview.getImage().getPixelReader().getArgb(0, 0) & 0xFF, "inverted: black around the bar");
        Path shots = Path.of(System.getProperty("layerlab.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        robot.interact(() -> {
            try {
                ImageIO.write(
                        SwingFXUtils.fromFXImage(view.snapshot(null, null), null),
                        "png",
                        shots.resolve("try-it-page.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        robot.clickOn("#try-prepare");
        await(() -> !viewModel.prepareImagesProperty().get()
                && preview.getImage() != null
                && (preview.getImage().getPixelReader().getArgb(0, 0) & 0xFF) > 200);
        assertTrue(original.isVisible(), "the same page, only shrunk now");
        robot.clickOn("#try-prepare");
        await(() -> answer(robot).equals("horizontal"));
    }

    @Test
    void typingASentenceShowsItsProbabilities(FxRobot robot) throws Exception {
        select(robot, words);
        assertTrue(message(robot).startsWith("Type a sentence"), message(robot));
        robot.clickOn("#try-text").write("w3 w7 w5");
        await(() -> answer(robot).equals("with"));
        assertEquals(2, shown(robot).size());
        robot.write(" hello");
        await(() -> robot.lookup("#try-note").queryAs(Label.class).getText().contains("hello"));
    }

    @Test
    void aRandomTestRowFillsTheFormAndAMissingValueIsExplained(FxRobot robot) throws Exception {
        robot.interact(() -> state.datasetProperty().set(blobData));
        select(robot, blobs);
        await(() -> shown(robot).size() == 2);
        TextField x = robot.lookup("#try-field-0").queryAs(TextField.class);
        TextField y = robot.lookup("#try-field-1").queryAs(TextField.class);
        assertTrue(!x.getText().isEmpty() && !y.getText().isEmpty(), "filled from a test row");

        retype(robot, x, "");
        await(() -> message(robot).startsWith("'x' is empty"));
        assertEquals(List.of(), shown(robot), "no answer for a row with a missing value");

        robot.clickOn("#try-random-row");
        await(() -> shown(robot).size() == 2 && message(robot).isEmpty());
        assertTrue(!x.getText().isEmpty(), "the random row fills every field");
        retype(robot, x, "-3");
        retype(robot, y, "0");
        await(() -> answer(robot).equals("left"));
        retype(robot, x, "3");
        await(() -> answer(robot).equals("right"));
    }

    /** The screen a student sees with a real MNIST network and a drawn 7; written to target/screenshots. */
    @Test
    void screenshotOfADrawnDigit(FxRobot robot) throws Exception {
        Dataset mnist = DataLoading.load(DataRequests.from(DataSettings.sample("mnist"), 0.1, 42));
        LoadedRun digits = train(
                "Run 1",
                mnist,
                LayerStack.of(TensorShape.of(1, 28, 28), new Flatten(), new Dense(128), Activation.RELU, new Dense(10)),
                TrainingConfig.DEFAULT.withEpochs(1));
        try {
            select(robot, digits);
            stroke(robot, 70, 60, 140, 58, 210, 56, 180, 120, 150, 180, 125, 240);
            await(() -> answer(robot).equals("7"));
            Path folder = Path.of(System.getProperty("layerlab.screenshots", "target/screenshots"));
            Files.createDirectories(folder);
            Path file = folder.resolve("try-it.png");
            robot.interact(() -> {
                WritableImage image = view.snapshot(null, null);
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertTrue(Files.size(file) > 10_000, "a real picture");
        } finally {
            robot.interact(() -> state.selectedModelProperty().set(null));
            digits.close();
        }
    }
}
