package org.layerlab.ui.tryit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.TokenFeatures;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.data.InputReader;
import org.layerlab.data.MissingValues;
import org.layerlab.data.TabularEncoder;
import org.layerlab.data.Tokenizer;
import org.layerlab.errors.FailureSentence;
import org.layerlab.ui.common.Sketch;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.common.WhenShown;
import org.layerlab.ui.project.LoadedRun;
import org.layerlab.ui.project.ProjectState;

/**
 * The Try it step: the selected run's model on the student's own input (a drawing or an image file, a
 * sentence, a row of a table), with its class probabilities updated as the input changes. At most one
 * prediction is in flight; while it runs, only the newest input waits, so the last input is always the last
 * one predicted and a fast mouse never queues up work.
 */
public final class TryItViewModel {
    static final String NO_MODEL =
            "Train a network on the Training tab and select its run there; then try it here on your own input.";

    /** Which kind of input the selected model reads; NONE while no trained model is selected. */
    public enum Mode {
        NONE,
        IMAGE,
        TEXT,
        TABLE
    }

    /** One bar of the chart: a class, its probability (0 to 1), and whether it is the model's answer. */
    public record ClassProbability(String name, double probability, boolean top) {}

    /** The image the model receives: planar bytes (channel, row, column). */
    public record PreparedImage(byte[] pixels, int channels, int height, int width) {}

    /** Nothing to predict (an empty canvas): its message is shown as it is. */
    private static final class NothingToTry extends Exception {
        private static final long serialVersionUID = 1L;

        NothingToTry(String message) {
            super(message);
        }
    }

    private final ProjectState state;
    private final Random random = new Random();
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.NONE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(NO_MODEL);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ObservableList<ClassProbability> probabilities = FXCollections.observableArrayList();
    private final ObservableList<ClassProbability> shownProbabilities =
            FXCollections.unmodifiableObservableList(probabilities);
    private final ReadOnlyObjectWrapper<PreparedImage> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Sketch> sketch = new ReadOnlyObjectWrapper<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<FormField> fields = FXCollections.observableArrayList();
    private final ObservableList<FormField> shownFields = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyBooleanWrapper testRows = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty prepareImages = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper canPrepare = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Path> original = new ReadOnlyObjectWrapper<>();

    private final LatestInputPredictor predictor;
    private LoadedRun run;
    private final WhenShown step = new WhenShown();

    private Map<String, Integer> wordIds = Map.of();
    private boolean filling;
    private String testRow = "";

    public TryItViewModel(ProjectState state, TaskExecutor executor) {
        this.state = state;
        this.predictor = new LatestInputPredictor(executor, this::show, this::failed);
        state.selectedModelProperty().addListener((o, a, loaded) -> modelSelected(loaded));
        state.selectedRunProperty().addListener((o, a, b) -> {
            if (state.selectedModelProperty().get() == null) {
                select(null);
            }
        });
        state.datasetProperty().addListener((o, a, b) -> datasetChanged());
        prepareImages.addListener((o, a, b) -> {
            if (original.get() != null) {
                openImage(original.get());
            }
        });
        text.addListener((o, a, b) -> {
            if (mode.get() == Mode.TEXT) {
                tryText();
            }
        });
        select(state.selectedModelProperty().get());
    }

    /**
     * Setting up a model to try builds the drawing surface or the form: for a step no one sees (a run has just
     * ended on the Training step, say) that waits until it is shown. The previous model is let go at once.
     */
    private void modelSelected(LoadedRun loaded) {
        // Without a model (none selected, or it failed to open) there is nothing to build: what is said about
        // it (opening, or why it cannot be opened) stands.
        step.forget();
        if (loaded == null || step.isShown()) {
            select(loaded);
        } else {
            select(null);
            step.run(() -> select(loaded));
        }
    }

    private void select(LoadedRun loaded) {
        drop();
        run = loaded;
        fields.clear();
        note.set("");
        testRow = "";
        testRows.set(false);
        if (loaded == null) {
            mode.set(Mode.NONE);
            sketch.set(null);
            title.set("");
            RunRecord selected = state.selectedRunProperty().get();
            message.set(selected == null ? NO_MODEL : "Opening the model of " + selected.name() + "…");
            return;
        }
        ModelInfo info = loaded.info();
        title.set(describe(loaded));
        canPrepare.set(info.preprocessing() instanceof Preprocessing.Image image && image.digitLike());
        if (info.preprocessing() instanceof Preprocessing.Image image) {
            sketch.set(new Sketch(image));
            mode.set(Mode.IMAGE);
            message.set(emptyCanvas());
        } else if (info.preprocessing() instanceof Preprocessing.Text words) {
            sketch.set(null);
            wordIds = new HashMap<>();
            for (int i = 0; i < words.vocabulary().size(); i++) {
                wordIds.put(words.vocabulary().get(i), i);
            }
            mode.set(Mode.TEXT);
            tryText();
        } else {
            sketch.set(null);
            Preprocessing.Tabular table = (Preprocessing.Tabular) info.preprocessing();
            for (Preprocessing.Column column : table.columns()) {
                FormField field = new FormField(column);
                field.valueProperty().addListener((o, a, b) -> {
                    if (!filling) {
                        note.set(testRow.isEmpty() ? "Your own row." : "Your own row, changed from " + testRow + ".");
                        tryRow();
                    }
                });
                fields.add(field);
            }
            mode.set(Mode.TABLE);
            datasetChanged();
            if (!testRows.get()) {
                refuse("Fill in every field (the probabilities change as you type), or load the data this model "
                        + "was trained on (Data tab) to pick its test rows.");
            }
        }
    }

    private static String describe(LoadedRun loaded) {
        RunRecord record = loaded.run();
        ModelInfo info = loaded.info();
        StringBuilder text = new StringBuilder(record.name());
        if (record.label() != null && !record.label().isBlank()) {
            text.append(" (").append(record.label()).append(')');
        }
        if (!info.dataName().isEmpty()) {
            text.append(", trained on ").append(info.dataName());
        }
        if (!Double.isNaN(record.testAccuracy())) {
            text.append(String.format(Locale.ROOT, ", %.1f %% right on its test data", 100 * record.testAccuracy()));
        }
        return text.toString();
    }

    private String emptyCanvas() {
        List<String> classes = run == null ? List.of() : run.info().classNames();
        String what;
        if (!classes.isEmpty() && classes.stream().allMatch(c -> c.matches("\\d"))) {
            what = "a digit";
        } else if (classes.size() <= 4) {
            what = "one of its classes (" + String.join(", ", classes) + ")";
        } else {
            what = "one of its classes (" + String.join(", ", classes.subList(0, 4)) + ", …)";
        }
        return "The canvas is empty: draw " + what + " with the mouse, or open or drop an image file.";
    }

    // ---- drawings and image files

    /** Draws a piece of stroke on the canvas (canvas pixels) and predicts the drawing. */
    public void draw(double x0, double y0, double x1, double y1) {
        Sketch canvas = sketch.get();
        if (canvas == null) {
            return;
        }
        canvas.line(x0, y0, x1, y1);
        original.set(null);
        Sketch.Drawing drawing = canvas.copy();
        Preprocessing.Image image = (Preprocessing.Image) run.info().preprocessing();
        String empty = emptyCanvas();
        message.set("");
        note.set("");
        request(() -> {
            byte[] pixels = canvas.prepare(drawing).orElseThrow(() -> new NothingToTry(empty));
            return new LatestInputPredictor.Prepared(
                    new ByteFeatures(pixels, pixels.length),
                    new PreparedImage(pixels, image.channels(), image.height(), image.width()),
                    null);
        });
    }

    /** Sets the pen colour of a colour model's canvas (each part 0 to 1). */
    public void ink(double red, double green, double blue) {
        if (sketch.get() != null) {
            sketch.get().ink(red, green, blue);
        }
    }

    /** Empties the canvas (the view redraws it when {@link #sketchProperty} changes). */
    public void clearDrawing() {
        if (mode.get() != Mode.IMAGE) {
            return;
        }
        drop();
        sketch.set(new Sketch((Preprocessing.Image) run.info().preprocessing()));
        note.set("");
        message.set(emptyCanvas());
    }

    /** Predicts an image file (or the first image of a folder), read as the training images were. */
    public void openImage(Path file) {
        if (mode.get() != Mode.IMAGE) {
            return;
        }
        drop();
        Preprocessing.Image image = (Preprocessing.Image) run.info().preprocessing();
        sketch.set(new Sketch(image));
        note.set("");
        message.set("Reading " + file.getFileName() + "…");
        original.set(file);
        boolean prepare = prepareImages.get();
        request(() -> {
            InputReader.Inputs inputs = InputReader.read(file, image, MissingValues.DROP, prepare);
            ByteFeatures first = (ByteFeatures) inputs.features().subset(new int[] {0});
            String name = inputs.names().get(0);
            String which = inputs.names().size() == 1
                    ? "The probabilities are for " + name + "; drawing on the canvas replaces it."
                    : "The probabilities are for " + name + ", the first of "
                            + inputs.names().size() + " images in the folder.";
            String done = inputs.notes().stream()
                    .filter(n -> n.contains("as the training digits were"))
                    .findFirst()
                    .map(n -> " " + n)
                    .orElse("");
            return new LatestInputPredictor.Prepared(
                    first,
                    new PreparedImage(first.data(), image.channels(), image.height(), image.width()),
                    which + done);
        });
    }

    // ---- sentences

    private void tryText() {
        List<String> words = Tokenizer.words(text.get() == null ? "" : text.get());
        if (words.isEmpty()) {
            refuse("Type a sentence: the probabilities change as you type.");
            note.set("");
            return;
        }
        int length = ((Preprocessing.Text) run.info().preprocessing()).sequenceLength();
        int[] tokens = new int[length];
        Tokenizer.encode(words, wordIds, length, tokens, 0);
        Set<String> unknown = new LinkedHashSet<>();
        for (String word : words.subList(0, Math.min(words.size(), length))) {
            if (!wordIds.containsKey(word)) {
                unknown.add(word);
            }
        }
        List<String> notes = new ArrayList<>();
        if (!unknown.isEmpty()) {
            notes.add("Not in the model's vocabulary, so read as \"unknown\": " + String.join(", ", unknown) + ".");
        }
        if (words.size() > length) {
            notes.add("The model reads only the first " + length + " words.");
        }
        note.set(String.join(" ", notes));
        message.set("");
        request(() -> new LatestInputPredictor.Prepared(new TokenFeatures(tokens, length), null, null));
    }

    // ---- table rows

    private void datasetChanged() {
        if (mode.get() != Mode.TABLE) {
            testRows.set(false);
            return;
        }
        Preprocessing.Tabular table = (Preprocessing.Tabular) run.info().preprocessing();
        testRows.set(TableRows.fits(state.datasetProperty().get(), table));
        if (testRows.get()
                && fields.stream()
                        .allMatch(f -> f.valueProperty().get() == null
                                || f.valueProperty().get().isBlank())) {
            randomTestRow();
        }
    }

    /** Fills the form with a random row of the loaded data's test part and predicts it. */
    public void randomTestRow() {
        Dataset data = state.datasetProperty().get();
        if (mode.get() != Mode.TABLE || !testRows.get()) {
            return;
        }
        int row = random.nextInt(data.test().count());
        String[] cells = TableRows.decode(
                (Preprocessing.Tabular) data.preprocessing(),
                data.test().features().sample(row));
        filling = true;
        try {
            for (int i = 0; i < cells.length; i++) {
                fields.get(i).valueProperty().set(cells[i]);
            }
        } finally {
            filling = false;
        }
        String real = data.classNames().get(data.test().labels()[row]);
        testRow = String.format(Locale.ROOT, "test row %d (real class: %s)", row + 1, real);
        note.set(String.format(
                Locale.ROOT,
                "Test row %d of %d; its real class is %s.",
                row + 1,
                data.test().count(),
                real));
        tryRow();
    }

    private void tryRow() {
        Optional<String> problem = TableRows.problem(fields);
        if (problem.isPresent()) {
            refuse(problem.get());
            return;
        }
        Preprocessing.Tabular table = (Preprocessing.Tabular) run.info().preprocessing();
        float[] features = new float[table.featureCount()];
        TabularEncoder.encode(table, TableRows.cells(fields), features, 0);
        message.set("");
        request(() -> new LatestInputPredictor.Prepared(new FloatFeatures(features, features.length), null, null));
    }

    // ---- predictions, one at a time

    private void request(LatestInputPredictor.Input input) {
        if (run != null) {
            predictor.request(run, input);
        }
    }

    private void failed(Throwable failure) {
        probabilities.clear();
        preview.set(null);
        message.set(failure instanceof NothingToTry ? failure.getMessage() : FailureSentence.forWindow(failure));
    }

    private void show(LatestInputPredictor.Answer answer) {
        List<String> classes = answer.run().info().classNames();
        float[] p = answer.prediction().probabilities();
        int top = answer.prediction().predictedClass();
        List<ClassProbability> bars = new ArrayList<>();
        for (int c = 0; c < classes.size() && c < p.length; c++) {
            bars.add(new ClassProbability(classes.get(c), p[c], c == top));
        }
        probabilities.setAll(bars);
        if (answer.input().preview() != null) {
            preview.set(answer.input().preview());
        }
        if (answer.input().note() != null) {
            note.set(answer.input().note());
        }
        message.set("");
    }

    /** Forgets answers still to come: they belong to an input that is gone. */
    private void drop() {
        original.set(null);
        predictor.forget();
        probabilities.clear();
        preview.set(null);
    }

    private void refuse(String reason) {
        drop();
        message.set(reason);
    }

    // ---- properties

    /** Whether the step is on screen (bound to its tab). */
    public BooleanProperty shownProperty() {
        return step.shownProperty();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** Which run is being tried; empty while none is. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What to do next or what is wrong with the input, in one sentence; empty while all is well. */
    /** Why the selected run's model could not be opened (a damaged run folder, say). */
    public void modelProblem(String problem) {
        message.set(problem);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A remark on the current input (the file or test row shown, words the model does not know). */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The classes in the model's order with their probabilities; empty while there is nothing to show. */
    public ObservableList<ClassProbability> probabilities() {
        return shownProbabilities;
    }

    /** The image the model last received (drawing or file), as the model sees it. */
    public ReadOnlyObjectProperty<PreparedImage> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The drawing of an image model; a new one after Clear or an opened file; null for other models. */
    public ReadOnlyObjectProperty<Sketch> sketchProperty() {
        return sketch.getReadOnlyProperty();
    }

    /** The sentence of a text model; every change is predicted. */
    public StringProperty textProperty() {
        return text;
    }

    /** One field per feature of a table model; every change is predicted. */
    public ObservableList<FormField> fields() {
        return shownFields;
    }

    /** True when the loaded data has test rows with the model's columns. */
    /**
     * Whether an opened image is prepared as the training digits were (inverted, cropped, centred); on by
     * default, changeable only for a model trained on MNIST-like digits ({@link #canPrepareProperty}).
     */
    public BooleanProperty prepareImagesProperty() {
        return prepareImages;
    }

    /** Whether the model was trained on MNIST-like digits, so that opened images can be prepared like them. */
    public ReadOnlyBooleanProperty canPrepareProperty() {
        return canPrepare.getReadOnlyProperty();
    }

    /** The image file last opened or dropped, shown beside what the model receives; null for a drawing. */
    public ReadOnlyObjectProperty<Path> originalProperty() {
        return original.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testRowsProperty() {
        return testRows.getReadOnlyProperty();
    }
}
