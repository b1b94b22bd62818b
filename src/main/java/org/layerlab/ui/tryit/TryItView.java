package org.layerlab.ui.tryit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.layerlab.ui.common.MessageBox;
import org.layerlab.ui.common.Pictures;
import org.layerlab.ui.common.Sketch;
import org.layerlab.ui.common.SketchCanvas;

/** Step 5: the selected run's model on the student's own drawing, image, sentence or table row. */
public final class TryItView extends BorderPane {
    private static final double PREVIEW_SIZE = 140;
    /** The opened image is shown smaller than the preview, so that both fit beside the canvas. */
    private static final int ORIGINAL_SIZE = 112;

    private final TryItViewModel model;
    private final SketchCanvas canvas;
    private final ImageView preview = new ImageView();
    private final Label previewCaption = new Label();
    private final ImageView original = new ImageView();
    private final Label originalCaption = new Label();
    private final VBox originalBox = new VBox(8);
    private final CheckBox prepare = new CheckBox("Prepare like the training digits");
    private final ColorPicker pen = new ColorPicker(Color.BLACK);
    private final GridPane form = new GridPane();
    private final ProbabilityBars bars = new ProbabilityBars();
    private final Node imageInput;
    private final Node textInput;
    private final Node tableInput;
    private final VBox input = new VBox(12);
    private final VBox answers;

    public TryItView(TryItViewModel model) {
        this.model = model;
        getStyleClass().add("step");
        canvas = new SketchCanvas(model::draw);
        canvas.setId("try-canvas");
        imageInput = imageInput();
        textInput = textInput();
        tableInput = tableInput();
        answers = answers();

        Label title = new Label();
        title.setId("try-title");
        title.getStyleClass().add("title-4");
        title.textProperty().bind(model.titleProperty());
        title.managedProperty().bind(model.titleProperty().isNotEmpty());
        title.visibleProperty().bind(title.managedProperty());
        Label message = MessageBox.of("try-message", model.messageProperty());
        Label note = new Label();
        note.setId("try-note");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        note.textProperty().bind(model.noteProperty());
        note.managedProperty().bind(model.noteProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());

        // The message goes under the input: above it, the empty canvas's hint vanished at the first press and
        // pulled the canvas up under the pen, so every first stroke began with a hook.
        VBox column = new VBox(12, title, input, message, note);
        column.setPadding(new Insets(16));
        column.setMinWidth(0);
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        setRight(answers);

        model.modeProperty().addListener((o, a, mode) -> showMode(mode));
        model.sketchProperty().addListener((o, a, sketch) -> showSketch(sketch));
        model.previewProperty().addListener((o, a, image) -> showPreview(image));
        model.probabilities().addListener((ListChangeListener<TryItViewModel.ClassProbability>)
                c -> bars.show(model.probabilities()));
        model.fields().addListener((ListChangeListener<FormField>) c -> showFields());
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
        showSketch(model.sketchProperty().get());
        showMode(model.modeProperty().get());
        showFields();
        bars.show(model.probabilities());
    }

    private Node imageInput() {
        StackPane surface = canvas.framed();
        Label drawHere = new Label("Draw here");
        drawHere.getStyleClass().add("title-4");
        Button clear = new Button("Clear");
        clear.setId("try-clear");
        clear.setOnAction(e -> model.clearDrawing());
        Button open = new Button("Open image…");
        open.setId("try-open");
        open.setTooltip(new Tooltip("A PNG, JPEG, GIF or BMP file; you can also drop one on this page"));
        open.setOnAction(e -> chooseImage());
        pen.setTooltip(new Tooltip("The colour of the pen"));
        pen.setOnAction(e -> {
            Color colour = pen.getValue();
            canvas.ink(colour);
            model.ink(colour.getRed(), colour.getGreen(), colour.getBlue());
        });
        HBox buttons = new HBox(8, clear, open, pen);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox drawing = new VBox(8, drawHere, surface, buttons);

        Label sees = new Label("What the model receives");
        sees.getStyleClass().add("title-4");
        sees.setWrapText(true);
        sees.setMaxWidth(PREVIEW_SIZE + 40);
        preview.setId("try-preview");
        preview.setSmooth(false);
        preview.setPreserveRatio(true);
        preview.setFitWidth(PREVIEW_SIZE);
        preview.setFitHeight(PREVIEW_SIZE);
        StackPane frame = new StackPane(preview);
        frame.setPrefSize(PREVIEW_SIZE + 2, PREVIEW_SIZE + 2);
        frame.setMaxSize(StackPane.USE_PREF_SIZE, StackPane.USE_PREF_SIZE);
        frame.getStyleClass().add("thin-frame");
        frame.setStyle("-fx-background-color: -color-bg-subtle;");
        previewCaption.setWrapText(true);
        previewCaption.setMaxWidth(PREVIEW_SIZE + 40);
        previewCaption.getStyleClass().addAll("text-muted", "text-small");
        prepare.setId("try-prepare");
        prepare.setTooltip(new Tooltip("Invert a light background, crop the ink, scale it to the training digits' "
                + "box and centre it by mass, as MNIST's digits were made; off: only shrink the image"));
        prepare.selectedProperty().bindBidirectional(model.prepareImagesProperty());
        prepare.visibleProperty().bind(model.canPrepareProperty());
        prepare.managedProperty().bind(model.canPrepareProperty());
        prepare.setWrapText(true);
        prepare.setMaxWidth(PREVIEW_SIZE + 40);
        VBox seen = new VBox(8, sees, frame, previewCaption, prepare);
        seen.setMinWidth(VBox.USE_PREF_SIZE);
        originalBox.setMinWidth(VBox.USE_PREF_SIZE);

        Label yours = new Label("Your image");
        yours.getStyleClass().add("title-4");
        original.setId("try-original");
        original.setPreserveRatio(true);
        original.setFitWidth(ORIGINAL_SIZE);
        original.setFitHeight(ORIGINAL_SIZE);
        StackPane originalFrame = new StackPane(original);
        originalFrame.setPrefSize(ORIGINAL_SIZE + 2, ORIGINAL_SIZE + 2);
        originalFrame.setMaxSize(StackPane.USE_PREF_SIZE, StackPane.USE_PREF_SIZE);
        originalFrame.getStyleClass().add("thin-frame");
        originalCaption.getStyleClass().addAll("text-muted", "text-small");
        originalCaption.setWrapText(true);
        originalCaption.setMaxWidth(ORIGINAL_SIZE);
        originalBox.getChildren().setAll(yours, originalFrame, originalCaption);
        model.originalProperty().addListener((o, a, file) -> showOriginal(file));
        showOriginal(model.originalProperty().get());
        return new HBox(16, drawing, originalBox, seen);
    }

    /** The opened or dropped file as it is, beside what the model receives; hidden for a drawing. */
    private void showOriginal(Path file) {
        Image image = file == null || !Files.isRegularFile(file)
                ? null
                : new Image(file.toUri().toString());
        boolean shown = image != null && !image.isError();
        original.setImage(shown ? image : null);
        original.setSmooth(shown && image.getWidth() > ORIGINAL_SIZE);
        originalCaption.setText(
                shown ? (int) image.getWidth() + " × " + (int) image.getHeight() + " pixels, as opened" : "");
        originalBox.setVisible(shown);
        originalBox.setManaged(shown);
    }

    private Node textInput() {
        Label label = new Label("Your sentence");
        label.getStyleClass().add("title-4");
        TextField text = new TextField();
        text.setId("try-text");
        text.setPromptText("Type a sentence, e.g. a short movie review");
        text.setPrefColumnCount(40);
        text.textProperty().bindBidirectional(model.textProperty());
        return new VBox(8, label, text);
    }

    private Node tableInput() {
        Label label = new Label("One value per feature");
        label.getStyleClass().add("title-4");
        form.setHgap(10);
        form.setVgap(6);
        Button random = new Button("Random test row");
        random.setId("try-random-row");
        random.setTooltip(new Tooltip("Fill the form with a row the model never trained on"));
        random.disableProperty().bind(model.testRowsProperty().not());
        random.setOnAction(e -> model.randomTestRow());
        return new VBox(8, label, form, random);
    }

    private VBox answers() {
        Label heading = new Label("What the model thinks");
        heading.getStyleClass().add("title-4");
        bars.setId("try-probabilities");
        ScrollPane scroll = new ScrollPane(bars);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label explain = new Label("The probability of each class for this input; the highest one is the answer.");
        explain.setWrapText(true);
        explain.getStyleClass().addAll("text-muted", "text-small");
        VBox box = new VBox(8, heading, explain, scroll);
        box.setPadding(new Insets(16));
        box.setPrefWidth(ProbabilityBars.BAR_WIDTH + 200);
        box.setMinWidth(ProbabilityBars.BAR_WIDTH + 160);
        return box;
    }

    private void showMode(TryItViewModel.Mode mode) {
        switch (mode) {
            case IMAGE -> input.getChildren().setAll(imageInput);
            case TEXT -> input.getChildren().setAll(textInput);
            case TABLE -> input.getChildren().setAll(tableInput);
            case NONE -> input.getChildren().clear();
        }
        answers.setVisible(mode != TryItViewModel.Mode.NONE);
        answers.setManaged(mode != TryItViewModel.Mode.NONE);
    }

    private void showSketch(Sketch sketch) {
        canvas.show(sketch);
        if (sketch == null) {
            return;
        }
        pen.setVisible(!sketch.grey());
        pen.setManaged(!sketch.grey());
        if (!sketch.grey()) {
            Color colour = pen.getValue();
            canvas.ink(colour);
            model.ink(colour.getRed(), colour.getGreen(), colour.getBlue());
        }
        showPreview(model.previewProperty().get());
    }

    private void showPreview(TryItViewModel.PreparedImage image) {
        preview.setImage(
                image == null ? null : Pictures.of(image.pixels(), image.channels(), image.height(), image.width()));
        Sketch sketch = model.sketchProperty().get();
        if (sketch != null) {
            String size = sketch.input().width() + " × " + sketch.input().height() + " pixels";
            boolean resizedFile = model.originalProperty().get() != null
                    && !(model.canPrepareProperty().get()
                            && model.prepareImagesProperty().get());
            previewCaption.setText(
                    sketch.grey() && !resizedFile
                            ? size + ": the ink cut out, shrunk to fit the middle and centred by its weight, "
                                    + "white on black, like the training images."
                            : size + ": the drawing or image shrunk to the model's size.");
        }
    }

    private void showFields() {
        form.getChildren().clear();
        List<FormField> fields = model.fields();
        for (int i = 0; i < fields.size(); i++) {
            FormField field = fields.get(i);
            Node editor;
            if (field.numeric()) {
                TextField text = new TextField();
                text.setPromptText(field.hint());
                text.setPrefColumnCount(12);
                text.textProperty().bindBidirectional(field.valueProperty());
                editor = text;
            } else {
                ComboBox<String> choice = new ComboBox<>();
                choice.getItems().setAll(field.levels());
                choice.valueProperty().bindBidirectional(field.valueProperty());
                editor = choice;
            }
            editor.setId("try-field-" + i);
            form.addRow(i, new Label(field.name()), editor);
        }
    }

    private void dragOver(DragEvent e) {
        if (model.modeProperty().get() == TryItViewModel.Mode.IMAGE
                && e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean done = false;
        if (model.modeProperty().get() == TryItViewModel.Mode.IMAGE
                && e.getDragboard().hasFiles()
                && !e.getDragboard().getFiles().isEmpty()) {
            model.openImage(e.getDragboard().getFiles().get(0).toPath());
            done = true;
        }
        e.setDropCompleted(done);
        e.consume();
    }

    private void chooseImage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an image to try");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            model.openImage(file.toPath());
        }
    }
}
