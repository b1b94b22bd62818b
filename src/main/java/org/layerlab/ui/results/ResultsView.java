package org.layerlab.ui.results;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.training.ClassFigures;

/** Step 4: what the selected run gets right and wrong, class by class and sample by sample. */
public final class ResultsView extends BorderPane {
    private final ResultsViewModel model;
    private final ConfusionMatrixView matrix;
    private final HBox actions = new HBox(8);

    public ResultsView(ResultsViewModel model) {
        this.model = model;
        // Actions keep their own height and line up at the top (Serve's panel grows when it serves).
        actions.setFillHeight(false);
        this.matrix = new ConfusionMatrixView(model::showCell);
        getStyleClass().add("step");
        setTop(header());
        SplitPane split = new SplitPane(figures(), examples());
        split.setDividerPositions(0.55);
        setCenter(split);
        model.confusionProperty().addListener((o, a, b) -> matrix.show(b, model.classes()));
    }

    private Node header() {
        ComboBox<RunRecord> runs = new ComboBox<>(model.runs());
        runs.setId("results-run");
        runs.setPromptText("Select a run");
        runs.setCellFactory(list -> runCell());
        runs.setButtonCell(runCell());
        runs.valueProperty().bindBidirectional(model.selectedRunProperty());
        MenuButton other = new MenuButton("Evaluate on other data…");
        other.setId("evaluate-other");
        MenuItem folder = new MenuItem("A folder of class folders or IDX files…");
        folder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Labelled data the model fits");
            File chosen = chooser.showDialog(getScene().getWindow());
            if (chosen != null) {
                model.evaluateOn(chosen.toPath());
            }
        });
        MenuItem file = new MenuItem("A labelled CSV or text table…");
        file.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Labelled data the model fits");
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                model.evaluateOn(chosen.toPath());
            }
        });
        other.getItems().setAll(folder, file);
        other.disableProperty().bind(model.selectedRunProperty().isNull());
        Button ownData = new Button("Measure on the test data");
        ownData.setOnAction(e -> model.evaluateOnProjectData());
        ownData.disableProperty().bind(model.selectedRunProperty().isNull());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.busyProperty());
        Label title = new Label("Results of");
        title.getStyleClass().add("title-4");
        runs.setPrefWidth(460);
        runs.setMinWidth(200);
        HBox.setHgrow(runs, Priority.SOMETIMES);
        for (javafx.scene.control.Control fixed : java.util.List.of(title, ownData, other)) {
            fixed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox choose = new HBox(8, title, runs, ownData, other, busy);
        choose.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label summary = new Label();
        summary.setId("results-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add("title-4");
        Label message = new Label();
        message.setId("results-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        VBox box = new VBox(8, choose, actions, message, summary);
        box.setPadding(new Insets(12, 12, 0, 12));
        return box;
    }

    /** Adds a control that acts on the selected run (such as Export) under the run chooser. */
    public void addAction(Node action) {
        actions.getChildren().add(action);
    }

    private static ListCell<RunRecord> runCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(RunRecord run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : run.name() + " · " + run.label() + accuracy(run));
            }
        };
    }

    private static String accuracy(RunRecord run) {
        return Double.isNaN(run.testAccuracy())
                ? ""
                : String.format(Locale.ROOT, " · %.1f %%", 100 * run.testAccuracy());
    }

    private Node figures() {
        Label matrixTitle = new Label("Confusion matrix");
        matrixTitle.getStyleClass().add("title-4");
        Label help = new Label("Rows: the true class. Columns: what the model predicted. Colour: the share of "
                + "the row, so small classes read as well as large ones. Click a cell to see its samples.");
        help.setWrapText(true);
        help.getStyleClass().add("text-muted");
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ScrollPane matrixScroll = new ScrollPane(matrix);
        matrixScroll.setFitToWidth(false);
        // As tall as the matrix up to about twelve classes; more classes scroll. Gone while the matrix is hidden
        // (it keeps its cells and size for the next run).
        matrixScroll.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.min(400, matrix.heightProperty()));
        matrixScroll.visibleProperty().bind(matrix.visibleProperty());
        matrixScroll.managedProperty().bind(matrix.visibleProperty());
        TableView<ClassFigures> table = new TableView<>(model.figures());
        table.setId("class-figures");
        table.getColumns().add(text("Class", ClassFigures::className));
        table.getColumns().add(number("Precision", ClassFigures::precision));
        table.getColumns().add(number("Recall", ClassFigures::recall));
        table.getColumns().add(number("F1", ClassFigures::f1));
        TableColumn<ClassFigures, Integer> support = new TableColumn<>("Support");
        support.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(c.getValue().support()));
        table.getColumns().add(support);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No results yet."));
        table.setPrefHeight(160);
        table.setMinHeight(120);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, matrixTitle, help, matrixScroll, table);
        box.setPadding(new Insets(12));
        return box;
    }

    private static TableColumn<ClassFigures, String> text(String name, Function<ClassFigures, String> value) {
        TableColumn<ClassFigures, String> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    /** Shown with three decimals but sorted by value. */
    private static TableColumn<ClassFigures, Double> number(String name, Function<ClassFigures, Double> value) {
        TableColumn<ClassFigures, Double> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%.3f", v));
            }
        });
        return column;
    }

    private Node examples() {
        Label title = new Label();
        title.setId("examples-title");
        title.setWrapText(true);
        title.textProperty().bind(model.examplesTitleProperty());
        title.getStyleClass().add("title-4");
        Button mistakes = new Button("Most confident mistakes");
        mistakes.setId("show-mistakes");
        mistakes.setOnAction(e -> model.showMistakes());
        mistakes.disableProperty().bind(model.confusionProperty().isNull());
        ListView<ExampleItem> list = new ListView<>(model.examples());
        list.setId("examples");
        list.setCellFactory(l -> new ExampleCell());
        list.setPlaceholder(new Label("The samples behind a cell appear here."));
        model.examples().addListener((ListChangeListener<ExampleItem>) c -> list.scrollTo(0));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(8, new HBox(8, mistakes), title, list);
        box.setPadding(new Insets(12));
        return box;
    }
}
