package org.layerlab.ui.tryit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.ContentFrame;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Samples;
import org.layerlab.core.data.Split;
import org.layerlab.core.data.TokenFeatures;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.Evaluation;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.Prediction;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.testing.HandwrittenDigits;
import org.layerlab.testing.TestImages;
import org.layerlab.testing.TinyData;
import org.layerlab.ui.SameThread;
import org.layerlab.ui.common.Sketch;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.project.LoadedRun;
import org.layerlab.ui.project.ProjectState;

/** The Try it ViewModel with a model that records what it is given: no engine, no toolkit, no waiting. */
class TryItViewModelTest {
    private static final Preprocessing.Image MNIST = new Preprocessing.Image(1, 28, 28);

    private final ProjectState state = new ProjectState();

    /** Answers P(first class) = share of its input's sum in the first half of the values; keeps every input. */
    private static final class RecordingModel implements TrainedModel {
        final ModelInfo info;
        final List<float[]> inputs = new ArrayList<>();

        RecordingModel(Preprocessing preprocessing, DataKind kind, List<String> classes) {
            this.info = new ModelInfo(
                    kind, new int[] {1}, classes, preprocessing, LossKind.SOFTMAX_CROSS_ENTROPY, Split.DEFAULT, "", 0);
        }

        @Override
        public LayerStack stack() {
            return LayerStack.of(TensorShape.of(1));
        }

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public List<Prediction> predict(FeatureStore features) {
            List<Prediction> out = new ArrayList<>();
            for (int i = 0; i < features.count(); i++) {
                float[] x = features.sample(i);
                inputs.add(x);
                double first = 0;
                double all = 1e-9;
                for (int j = 0; j < x.length; j++) {
                    all += Math.abs(x[j]);
                    first += j < x.length / 2 ? Math.abs(x[j]) : 0;
                }
                float[] p = new float[info.classNames().size()];
                p[0] = (float) (first / all);
                p[1] = 1 - p[0];
                out.add(new Prediction(p[0] >= p[1] ? 0 : 1, p));
            }
            return out;
        }

        @Override
        public Evaluation evaluate(Samples samples) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveWeights(Path folder) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }

    /** Keeps submitted jobs until the test runs them, like a slow background thread. */
    private static final class Held implements TaskExecutor {
        final Deque<Runnable> jobs = new ArrayDeque<>();
        int mostWaiting;

        @Override
        public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            jobs.add(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
            mostWaiting = Math.max(mostWaiting, jobs.size());
        }

        void runOne() {
            jobs.remove().run();
        }
    }

    private static LoadedRun run(TrainedModel model) {
        return new LoadedRun(
                new RunRecord(
                        "Run 1",
                        "first run",
                        "iris.csv",
                        LayerStack.of(TensorShape.of(1)),
                        TrainingConfig.DEFAULT,
                        List.of(),
                        "COMPLETED",
                        0.9,
                        0),
                model);
    }

    private static RecordingModel imageModel(Preprocessing.Image image, String... classes) {
        return new RecordingModel(image, DataKind.IMAGE, List.of(classes));
    }

    private static double[] centreOfMass(byte[] pixels, int size) {
        double mass = 0;
        double y = 0;
        double x = 0;
        for (int i = 0; i < pixels.length; i++) {
            int v = pixels[i] & 0xFF;
            mass += v;
            int row = i / size;
            y += v * (row + 0.5);
            x += v * (i % size + 0.5);
        }
        return new double[] {y / mass, x / mass};
    }

    @Test
    void withoutATrainedRunItSaysHowToGetOne() {
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        assertEquals(TryItViewModel.Mode.NONE, model.modeProperty().get());
        assertTrue(
                model.messageProperty().get().contains("Training tab"),
                model.messageProperty().get());
        state.selectedRunProperty()
                .set(new RunRecord(
                        "Run 4",
                        "",
                        "iris.csv",
                        LayerStack.of(TensorShape.of(1)),
                        TrainingConfig.DEFAULT,
                        List.of(),
                        "COMPLETED",
                        0.5,
                        0));
        assertEquals("Opening the model of Run 4…", model.messageProperty().get());
        assertTrue(model.probabilities().isEmpty());
    }

    @Test
    void aModelSelectedWhileTheStepIsHiddenIsSetUpWhenItIsShown() {
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        model.shownProperty().set(false);
        state.selectedModelProperty().set(run(imageModel(MNIST, "0", "1")));

        assertEquals(TryItViewModel.Mode.NONE, model.modeProperty().get(), "nothing is built for a hidden step");
        assertNull(model.sketchProperty().get());
        model.shownProperty().set(true);
        assertEquals(TryItViewModel.Mode.IMAGE, model.modeProperty().get());
        assertEquals(MNIST, model.sketchProperty().get().input());
        assertTrue(
                model.titleProperty().get().startsWith("Run 1"),
                model.titleProperty().get());
    }

    @Test
    void aModelThatFailedToOpenWhileTheStepWasHiddenKeepsItsReason() {
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        model.shownProperty().set(false);
        state.selectedModelProperty().set(run(imageModel(MNIST, "0", "1"))); // a run ended elsewhere
        state.selectedModelProperty().set(null); // another run selected: its model fails to open
        model.modelProblem("The model of Run 2 could not be opened.");

        model.shownProperty().set(true);
        assertEquals(
                "The model of Run 2 could not be opened.",
                model.messageProperty().get());
        assertEquals(TryItViewModel.Mode.NONE, model.modeProperty().get());
    }

    @Test
    void aDrawingIsCentredLikeMnistAndPredicted() {
        RecordingModel recording = imageModel(MNIST, "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        state.selectedModelProperty().set(run(recording));
        assertEquals(TryItViewModel.Mode.IMAGE, model.modeProperty().get());
        assertTrue(model.messageProperty().get().startsWith("The canvas is empty: draw a digit"));
        Sketch sketch = model.sketchProperty().get();
        assertEquals(280, sketch.width());
        assertTrue(sketch.grey());

        // A vertical stroke in the top-left corner of the canvas.
        model.draw(40, 20, 40, 120);

        assertEquals("", model.messageProperty().get());
        assertEquals(10, model.probabilities().size());
        assertEquals("0", model.probabilities().get(0).name());
        assertEquals(
                1,
                model.probabilities().stream()
                        .filter(TryItViewModel.ClassProbability::top)
                        .count());
        TryItViewModel.PreparedImage seen = model.previewProperty().get();
        assertEquals(28, seen.width());
        double[] mass = centreOfMass(seen.pixels(), 28);
        assertEquals(14, mass[0], 0.5, "centred although drawn in a corner");
        assertEquals(14, mass[1], 0.5);
        float[] given = recording.inputs.get(0);
        assertEquals(784, given.length);
        assertEquals(
                (seen.pixels()[14 * 28 + 14] & 0xFF) / 255f, given[14 * 28 + 14], 1e-6, "the preview is the input");
    }

    @Test
    void clearEmptiesTheCanvasAndSaysSo() {
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        state.selectedModelProperty().set(run(imageModel(MNIST, "vertical", "horizontal")));
        Sketch before = model.sketchProperty().get();
        model.draw(100, 100, 180, 100);
        assertFalse(model.probabilities().isEmpty());
        model.clearDrawing();
        assertTrue(model.probabilities().isEmpty());
        assertNull(model.previewProperty().get());
        assertTrue(model.sketchProperty().get() != before
                && model.sketchProperty().get().isEmpty());
        assertEquals(
                "The canvas is empty: draw one of its classes (vertical, horizontal) with the mouse, or open or "
                        + "drop an image file.",
                model.messageProperty().get());
    }

    @Test
    void whileAPredictionRunsOnlyTheNewestDrawingWaits() {
        RecordingModel recording = imageModel(MNIST, "a", "b");
        Held held = new Held();
        TryItViewModel model = new TryItViewModel(state, held);
        state.selectedModelProperty().set(run(recording));
        model.draw(50, 50, 50, 60);
        model.draw(50, 60, 50, 150);
        model.draw(50, 150, 200, 150);
        model.draw(200, 150, 200, 250);
        assertEquals(1, held.jobs.size(), "one prediction in flight, the others wait in the ViewModel");
        held.runOne();
        assertEquals(1, held.jobs.size(), "then the newest drawing, and only it");
        held.runOne();
        assertTrue(held.jobs.isEmpty());
        assertEquals(1, held.mostWaiting);
        assertEquals(2, recording.inputs.size(), "four strokes, two predictions");
        byte[] last = model.previewProperty().get().pixels();
        byte[] whole = model.sketchProperty()
                .get()
                .prepare(model.sketchProperty().get().copy())
                .orElseThrow();
        assertArrayEquals(whole, last, "the last prediction is of the whole drawing");
    }

    @Test
    void anAnswerForADrawingThatWasClearedIsDropped() {
        Held held = new Held();
        TryItViewModel model = new TryItViewModel(state, held);
        state.selectedModelProperty().set(run(imageModel(MNIST, "a", "b")));
        model.draw(50, 50, 50, 200);
        model.clearDrawing();
        held.runOne();
        assertTrue(model.probabilities().isEmpty());
        assertTrue(model.messageProperty().get().startsWith("The canvas is empty"));
    }

    @Test
    void aColourModelGetsTheDrawingShrunkToItsSize() {
        RecordingModel recording = imageModel(new Preprocessing.Image(3, 32, 32), "red", "blue");
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        state.selectedModelProperty().set(run(recording));
        Sketch sketch = model.sketchProperty().get();
        assertFalse(sketch.grey());
        assertEquals(256, sketch.width(), "8 canvas pixels per model pixel");
        model.ink(1, 0, 0);
        model.draw(0, 132, 256, 132);
        TryItViewModel.PreparedImage seen = model.previewProperty().get();
        assertEquals(3, seen.channels());
        assertEquals(32 * 32 * 3, recording.inputs.get(0).length);
        int middle = 16 * 32 + 16;
        assertEquals(255, seen.pixels()[middle] & 0xFF, "red");
        assertEquals(0, seen.pixels()[middle + 1024] & 0xFF, "no green in the stroke");
        assertEquals(255, seen.pixels()[1024 + 2] & 0xFF, "white paper elsewhere");
    }

    @Test
    void anImageFileIsPredictedAndAFileThatIsNotAnImageIsExplained(@TempDir Path folder) throws Exception {
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        state.selectedModelProperty().set(run(imageModel(MNIST, "dark", "light")));
        Path notes = folder.resolve("notes.png");
        Files.writeString(notes, "not a picture");
        model.openImage(notes);
        assertTrue(model.probabilities().isEmpty());
        assertTrue(
                model.messageProperty().get().contains("notes.png"),
                model.messageProperty().get());

        Path white = folder.resolve("white.png");
        TestImages.write(white, Color.WHITE, 10);
        model.draw(10, 10, 100, 100);
        model.openImage(white);
        assertEquals("", model.messageProperty().get());
        assertEquals(2, model.probabilities().size());
        assertTrue(
                model.noteProperty().get().contains("white.png"),
                model.noteProperty().get());
        assertTrue(model.sketchProperty().get().isEmpty(), "the file replaces the drawing");
        assertEquals(
                255, model.previewProperty().get().pixels()[0] & 0xFF, "scaled to 28 × 28 as training images were");
    }

    @Test
    void anOpenedDigitOnWhitePaperIsPreparedAsTheTrainingDigitsUnlessTurnedOff(@TempDir Path folder) throws Exception {
        Preprocessing.Image digits = new Preprocessing.Image(1, 28, 28, new ContentFrame(0, 20, 20, true));
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        state.selectedModelProperty().set(run(imageModel(digits, "0", "1", "2", "3", "4", "5", "6", "7", "8", "9")));
        assertTrue(model.canPrepareProperty().get());
        Path page = folder.resolve("page.png");
        HandwrittenDigits.Digit digit = HandwrittenDigits.mnistTest(1).get(0);
        ImageIO.write(
                HandwrittenDigits.image(digit, HandwrittenDigits.Kind.PHOTO, new Random(1)), "png", page.toFile());
        model.openImage(page);
        assertEquals(page, model.originalProperty().get());
        byte[] prepared = model.previewProperty().get().pixels();
        assertEquals(0, prepared[0], "inverted: a black background, as MNIST's");
        assertTrue(
                model.noteProperty()
                        .get()
                        .matches("The probabilities are for page\\.png; .* page\\.png: inverted, "
                                + "cropped \\d+×\\d+ → \\d+×20, centred, as the training digits were made\\."),
                model.noteProperty().get());
        model.prepareImagesProperty().set(false);
        assertEquals(page, model.originalProperty().get(), "the same file, read again");
        assertTrue((model.previewProperty().get().pixels()[0] & 0xFF) > 150, "only shrunk: the light page stays");
        model.draw(10, 10, 100, 100);
        assertNull(model.originalProperty().get(), "a drawing has no original file");

        state.selectedModelProperty().set(run(imageModel(MNIST, "dark", "light")));
        assertFalse(model.canPrepareProperty().get(), "a model saved without the training images' content");
    }

    @Test
    void aSentenceIsPredictedAsItIsTyped() {
        Dataset tokens = TinyData.tokens(10, 1);
        RecordingModel recording = new RecordingModel(tokens.preprocessing(), DataKind.TEXT, tokens.classNames());
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        state.selectedModelProperty().set(run(recording));
        assertEquals(TryItViewModel.Mode.TEXT, model.modeProperty().get());
        assertTrue(model.messageProperty().get().startsWith("Type a sentence"));
        model.textProperty().set("w3 w7");
        assertArrayEquals(new float[] {0, 0, 0, 0, 3, 7}, recording.inputs.get(0), "padded at the front");
        assertEquals(2, model.probabilities().size());
        model.textProperty().set("w3 hello w7");
        assertEquals(
                "Not in the model's vocabulary, so read as \"unknown\": hello.",
                model.noteProperty().get());
        assertArrayEquals(new float[] {0, 0, 0, 3, TokenFeatures.UNKNOWN, 7}, recording.inputs.get(1));
        model.textProperty().set("  ");
        assertTrue(model.probabilities().isEmpty());
        assertTrue(model.messageProperty().get().startsWith("Type a sentence"));
    }

    @Test
    void aTableRowComesFromTheTestDataAndAMissingValueIsExplained() {
        Dataset blobs = TinyData.blobs(20, 3, 1f);
        RecordingModel recording = new RecordingModel(blobs.preprocessing(), DataKind.TABULAR, blobs.classNames());
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        state.selectedModelProperty().set(run(recording));
        assertEquals(TryItViewModel.Mode.TABLE, model.modeProperty().get());
        assertEquals(2, model.fields().size());
        assertFalse(model.testRowsProperty().get());
        assertTrue(
                model.messageProperty().get().startsWith("Fill in every field"),
                model.messageProperty().get());

        state.datasetProperty().set(blobs);
        assertTrue(model.testRowsProperty().get());
        assertFalse(model.fields().get(0).valueProperty().get().isEmpty(), "filled from a test row");
        assertTrue(
                model.noteProperty().get().startsWith("Test row "),
                model.noteProperty().get());
        assertEquals(2, model.probabilities().size());
        float[] given = recording.inputs.get(recording.inputs.size() - 1);
        assertEquals(Float.parseFloat(model.fields().get(0).valueProperty().get()), given[0], 1e-4);

        model.fields().get(1).valueProperty().set("");
        assertTrue(model.probabilities().isEmpty());
        assertEquals(
                "'y' is empty: type a number (its average in training was 0.00).",
                model.messageProperty().get());
        model.fields().get(1).valueProperty().set("abc");
        assertEquals(
                "'y' must be a number (like 3.5), not 'abc'.",
                model.messageProperty().get());
        model.fields().get(1).valueProperty().set("0.5");
        assertEquals("", model.messageProperty().get());
        assertEquals(0.5f, recording.inputs.get(recording.inputs.size() - 1)[1], 1e-6);
        assertTrue(model.noteProperty().get().startsWith("Your own row, changed from test row"));

        int before = recording.inputs.size();
        model.randomTestRow();
        assertEquals(before + 1, recording.inputs.size(), "one prediction for a whole new row");
    }

    @Test
    void categoricalCellsAreReadBackByName() {
        Preprocessing.Tabular prep = new Preprocessing.Tabular(
                "label",
                List.of(
                        new Preprocessing.Column("size", 10, 2, List.of()),
                        new Preprocessing.Column("colour", 0, 1, List.of("red", "green", "blue"))));
        String[] cells = TableRows.decode(prep, new float[] {(float) ((5.1 - 10) / 2), 0, 0, 1});
        assertArrayEquals(new String[] {"5.1", "blue"}, cells);
        Samples test = new Samples(new FloatFeatures(new float[] {0, 0, 1, 0}, 4), new int[] {1});
        Dataset data = new Dataset(
                "things",
                DataKind.TABULAR,
                new int[] {4},
                List.of("no", "yes"),
                test,
                test,
                test,
                prep,
                Split.DEFAULT,
                List.of());
        RecordingModel recording = new RecordingModel(prep, DataKind.TABULAR, data.classNames());
        state.datasetProperty().set(data);
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        state.selectedModelProperty().set(run(recording));
        assertEquals("10", model.fields().get(0).valueProperty().get());
        assertEquals("green", model.fields().get(1).valueProperty().get());
        assertEquals(
                "Test row 1 of 1; its real class is yes.", model.noteProperty().get());
        model.fields().get(1).valueProperty().set("purple");
        assertEquals(
                "'colour' must be one of red, green, blue.",
                model.messageProperty().get());
    }

    @Test
    void aModelThatIsClosedMeanwhileGivesAMessageNotACrash() {
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        LoadedRun loaded = run(imageModel(MNIST, "a", "b"));
        state.selectedModelProperty().set(loaded);
        loaded.close();
        model.draw(10, 10, 200, 200);
        assertTrue(
                model.messageProperty().get().contains("no longer selected"),
                model.messageProperty().get());
        assertTrue(model.probabilities().isEmpty());

        state.selectedModelProperty().set(null);
        assertEquals(TryItViewModel.Mode.NONE, model.modeProperty().get());
        assertNull(model.sketchProperty().get());
        assertNotNull(model.messageProperty().get());
    }

    @Test
    void theRandomRowNeedsTheModelsData() {
        Dataset blobs = TinyData.blobs(20, 3, 1f);
        state.datasetProperty().set(TinyData.halves(4, 1));
        TryItViewModel model = new TryItViewModel(state, new SameThread());
        state.selectedModelProperty()
                .set(run(new RecordingModel(blobs.preprocessing(), DataKind.TABULAR, blobs.classNames())));
        assertFalse(model.testRowsProperty().get(), "image data has no rows for a table model");
        model.randomTestRow();
        assertTrue(model.fields().get(0).valueProperty().get().isEmpty());
    }
}
