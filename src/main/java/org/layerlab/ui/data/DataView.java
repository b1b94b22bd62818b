package org.layerlab.ui.data;

import java.io.File;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.layerlab.data.SampleCatalog;
import org.layerlab.data.TablePreview;
import org.layerlab.ui.common.Pictures;

/** Step 1: pick data and look at it. */
public final class DataView extends BorderPane {
    private static final double MIN_COLUMN_WIDTH = 64;

    private final DataViewModel model;
    private final TableView<List<String>> preview = new TableView<>();
    private final TableView<TablePreview.ColumnStats> stats = new TableView<>();
    private final TilePane thumbnails = new TilePane(6, 6);
    private final BarChart<String, Number> balance = new BarChart<>(new CategoryAxis(), new NumberAxis());

    public DataView(DataViewModel model) {
        this.model = model;
        getStyleClass().add("step");
        setLeft(sources());
        setCenter(details());
        model.previewProperty().addListener((o, a, b) -> showPreview(b));
        model.classCounts().addListener((ListChangeListener<DataViewModel.ClassCount>) c -> showBalance());
        model.thumbnails().addListener((ListChangeListener<DataViewModel.Thumbnail>) c -> showThumbnails());
    }

    private Node sources() {
        Label title = new Label("Bundled samples");
        title.getStyleClass().add("title-4");
        ListView<SampleCatalog.Sample> samples = new ListView<>(model.samples());
        samples.setId("samples");
        samples.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SampleCatalog.Sample sample, boolean empty) {
                super.updateItem(sample, empty);
                if (empty || sample == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(sample.name());
                name.getStyleClass().add("sample-name");
                Label description = new Label(sample.description());
                description.setWrapText(true);
                description.getStyleClass().add("text-muted");
                description
                        .prefWidthProperty()
                        .bind(getListView().widthProperty().subtract(40));
                description.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                VBox box = new VBox(2, name, description);
                setGraphic(box);
            }
        });
        samples.setPrefWidth(280);
        VBox.setVgrow(samples, Priority.ALWAYS);
        Button load = new Button("Load sample");
        load.setId("load-sample");
        load.setDefaultButton(false);
        load.disableProperty()
                .bind(samples.getSelectionModel()
                        .selectedItemProperty()
                        .isNull()
                        .or(model.loadingProperty()));
        load.setOnAction(e ->
                model.loadSample(samples.getSelectionModel().getSelectedItem().name()));
        samples.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && samples.getSelectionModel().getSelectedItem() != null) {
                model.loadSample(samples.getSelectionModel().getSelectedItem().name());
            }
        });
        Button file = new Button("Open file…");
        file.setId("open-file");
        file.setTooltip(new Tooltip("A CSV or TSV table, or a table of sentences with labels"));
        file.setOnAction(e -> chooseFile());
        Button folder = new Button("Open folder…");
        folder.setTooltip(new Tooltip("MNIST-style IDX files, or images in one sub-folder per class"));
        folder.setOnAction(e -> chooseFolder());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(24, 24);
        busy.visibleProperty().bind(model.loadingProperty());
        HBox buttons = new HBox(6, load, busy);
        Label progress = new Label();
        progress.setId("data-progress");
        progress.setWrapText(true);
        progress.textProperty().bind(model.progressProperty());
        progress.managedProperty().bind(model.progressProperty().isNotEmpty());
        progress.visibleProperty().bind(model.progressProperty().isNotEmpty());
        VBox box =
                new VBox(8, title, samples, buttons, progress, new Label("Your own data"), new HBox(6, file, folder));
        box.setPadding(new Insets(12));
        return box;
    }

    private Node details() {
        Label summary = new Label();
        summary.setId("data-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setWrapText(true);
        summary.getStyleClass().add("title-4");
        Label error = new Label();
        error.setId("data-error");
        error.textProperty().bind(model.errorProperty());
        error.setWrapText(true);
        error.getStyleClass().add("danger-text");
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        ListView<String> notes = new ListView<>(model.notes());
        notes.setPrefHeight(70);
        notes.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.notes()));
        notes.managedProperty().bind(notes.visibleProperty());
        ComboBox<String> label = new ComboBox<>(model.labelChoices());
        label.setId("label-column");
        label.valueProperty().bindBidirectional(model.labelColumnProperty());
        label.setOnAction(e -> model.chooseLabel(label.getValue()));
        HBox labelRow = new HBox(8, new Label("Label column:"), label);
        labelRow.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.labelChoices()));
        labelRow.managedProperty().bind(labelRow.visibleProperty());
        preview.setId("preview");
        preview.setPrefHeight(220);
        preview.setPlaceholder(new Label("A table shows its first rows here."));
        stats.setPrefHeight(150);
        stats.setPlaceholder(new Label("Column statistics appear for tables."));
        stats.getColumns()
                .setAll(List.of(
                        column("Column", TablePreview.ColumnStats::name),
                        column("Type", TablePreview.ColumnStats::type),
                        column("Missing", s -> Integer.toString(s.missing())),
                        column("Values", TablePreview.ColumnStats::summary)));
        stats.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        balance.setTitle("Class balance (training part)");
        balance.setLegendVisible(false);
        balance.setAnimated(false);
        balance.setPrefHeight(240);
        // In the scrolling column the chart keeps its height, with room for its class names below the bars.
        balance.setMinHeight(240);
        thumbnails.setPrefColumns(8);
        ScrollPane images = new ScrollPane(thumbnails);
        images.setFitToWidth(true);
        images.setPrefHeight(180);
        images.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.thumbnails()));
        images.managedProperty().bind(images.visibleProperty());
        preview.visibleProperty().bind(model.previewProperty().isNotNull());
        preview.managedProperty().bind(preview.visibleProperty());
        stats.visibleProperty().bind(model.previewProperty().isNotNull());
        stats.managedProperty().bind(stats.visibleProperty());
        VBox box = new VBox(10, summary, error, labelRow, notes, preview, stats, images, balance);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static <S> TableColumn<S, String> column(String title, java.util.function.Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private void showPreview(TablePreview table) {
        preview.getColumns().clear();
        stats.getItems().clear();
        if (table == null) {
            preview.getItems().clear();
            return;
        }
        for (int i = 0; i < table.columns().size(); i++) {
            int index = i;
            TableColumn<List<String>, String> column =
                    new TableColumn<>(table.columns().get(i));
            column.setCellValueFactory(
                    cell -> new ReadOnlyStringWrapper(cell.getValue().get(index)));
            // Wide enough for the header and a number, so that a table of many columns (64 pixels) scrolls
            // sideways rather than shrinking every column to "...".
            column.setMinWidth(MIN_COLUMN_WIDTH);
            column.setPrefWidth(Math.max(
                    table.columns().size() > 8 ? MIN_COLUMN_WIDTH : 120,
                    8 * table.columns().get(i).length() + 24));
            preview.getColumns().add(column);
        }
        // A few columns share the width, the last (often the sentences of text data) taking what is left;
        // many columns (pixels) keep a narrow width each and scroll.
        preview.setColumnResizePolicy(
                table.columns().size() <= 8
                        ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN
                        : TableView.UNCONSTRAINED_RESIZE_POLICY);
        preview.getItems().setAll(table.rows());
        stats.getItems().setAll(table.stats());
    }

    private void showBalance() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (DataViewModel.ClassCount count : model.classCounts()) {
            series.getData().add(new XYChart.Data<>(count.name(), count.count()));
        }
        balance.getData().setAll(List.of(series));
    }

    private void showThumbnails() {
        thumbnails.getChildren().clear();
        for (DataViewModel.Thumbnail t : model.thumbnails()) {
            ImageView view = new ImageView(Pictures.of(t.pixels(), t.channels(), t.height(), t.width()));
            view.setFitWidth(56);
            view.setFitHeight(56);
            view.setSmooth(false);
            Label caption = new Label(t.label());
            caption.getStyleClass().add("text-small");
            thumbnails.getChildren().add(new VBox(2, view, caption));
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a table");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("Tables", "*.csv", "*.tsv", "*.txt", "*.csv.gz"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            model.loadFile(file.toPath());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of IDX files or class folders");
        File folder = chooser.showDialog(getScene().getWindow());
        if (folder != null) {
            model.loadFile(folder.toPath());
        }
    }
}
