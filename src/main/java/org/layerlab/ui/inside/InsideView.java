package org.layerlab.ui.inside;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layerlab.ui.common.MessageBox;
import org.layerlab.ui.common.SketchCanvas;

/** Step 6: the selected run's filters, its feature maps of a test image, and its weights before and after. */
public final class InsideView extends BorderPane {
    private static final double FILTER_SIZE = 40;
    private static final double MAP_SIZE = 56;
    private static final double SAMPLE_SIZE = 112;
    /** Wide enough for the drawing canvas (about 280 pixels). */
    private static final double CHOOSER_WIDTH = 284;

    private final InsideViewModel model;
    private final Label filtersTitle = new Label();
    private final FlowPane filters = new FlowPane(6, 6);
    private final HBox filterScale = new HBox(6);
    private final VBox filterSection;
    private final ImageView sample = new ImageView();
    private final VBox maps = new VBox(12);
    private final FlowPane histograms = new FlowPane(18, 14);

    public InsideView(InsideViewModel model) {
        this.model = model;
        getStyleClass().add("step");
        Label message = MessageBox.of("inside-message", model.messageProperty());

        filterSection = filterSection();
        Node maps = mapSection();
        Node weights = weightSection();
        for (Node section : new Node[] {maps, weights}) {
            section.visibleProperty().bind(model.runSelectedProperty());
            section.managedProperty().bind(model.runSelectedProperty());
        }
        VBox page = new VBox(22, message, filterSection, maps, weights);
        page.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setId("inside-scroll");
        scroll.setFitToWidth(true);
        setCenter(scroll);
        // Tile rows wrap at the page's width, not at a fixed width.
        filters.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(60));
        histograms.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(60));

        model.filtersProperty().addListener((o, a, grid) -> showFilters(grid));
        model.sampleProperty().addListener((o, a, tile) -> showSample(tile));
        model.featureMaps().addListener((ListChangeListener<MapGroup>) c -> showMaps());
        model.weights().addListener((ListChangeListener<WeightDistribution>) c -> showWeights());
        showFilters(model.filtersProperty().get());
        showSample(model.sampleProperty().get());
        showMaps();
        showWeights();
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-3");
        return label;
    }

    private static Label explanation(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private VBox filterSection() {
        filters.setId("inside-filters");
        filtersTitle.setId("inside-filters-title");
        VBox section = new VBox(
                8,
                heading("Filters of the first convolution"),
                explanation("Each square is one learned 3 × 3 (or k × k) filter, enlarged: it slides over the image "
                        + "and answers strongly where the image looks like it. Red pixels weigh the image "
                        + "positively, blue negatively; a red stripe beside a blue one finds an edge."),
                filtersTitle,
                filterScale,
                filters);
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    private Node mapSection() {
        sample.setId("inside-sample");
        sample.setPreserveRatio(true);
        StackPane frame = new StackPane(sample);
        frame.setPrefSize(SAMPLE_SIZE + 2, SAMPLE_SIZE + 2);
        frame.setMaxSize(StackPane.USE_PREF_SIZE, StackPane.USE_PREF_SIZE);
        frame.getStyleClass().add("thin-frame");
        frame.visibleProperty().bind(model.sampleProperty().isNotNull());
        frame.managedProperty().bind(frame.visibleProperty());
        Label note = new Label();
        note.setId("inside-sample-note");
        note.setWrapText(true);
        note.textProperty().bind(model.sampleNoteProperty());
        Button previous = new Button("◀ Previous");
        previous.setId("inside-previous");
        previous.setOnAction(e -> model.previousSample());
        Button next = new Button("Next ▶");
        next.setId("inside-next");
        next.setOnAction(e -> model.nextSample());
        previous.setMaxWidth(Double.MAX_VALUE);
        next.setMaxWidth(Double.MAX_VALUE);
        VBox buttons = new VBox(6, previous, next);
        buttons.visibleProperty().bind(model.testImagesProperty());
        buttons.managedProperty().bind(buttons.visibleProperty());
        VBox chooser = new VBox(8, new HBox(12, frame, buttons), note, drawing());
        chooser.setMinWidth(CHOOSER_WIDTH);
        chooser.setMaxWidth(CHOOSER_WIDTH);
        maps.setId("inside-maps");
        HBox.setHgrow(maps, Priority.ALWAYS);
        maps.setMinWidth(0);
        return new VBox(
                8,
                heading("What the layers make of one image"),
                explanation("Each convolution gives one map per filter: bright where its filter found its pattern. "
                        + "Pooling keeps the strongest answer of each small square, so the maps shrink."),
                new HBox(18, chooser, maps));
    }

    /** The Try it canvas: what the layers make of the student's own drawing, stroke by stroke. */
    private Node drawing() {
        SketchCanvas canvas = new SketchCanvas(model::draw);
        canvas.setId("inside-canvas");
        model.sketchProperty().addListener((o, a, sketch) -> canvas.show(sketch));
        canvas.show(model.sketchProperty().get());
        StackPane surface = canvas.framed();
        Label title = new Label("Or draw one");
        title.getStyleClass().add("title-4");
        Button clear = new Button("Clear");
        clear.setId("inside-clear");
        clear.setOnAction(e -> model.clearDrawing());
        VBox drawing = new VBox(8, title, surface, clear);
        drawing.visibleProperty().bind(model.sketchProperty().isNotNull());
        drawing.managedProperty().bind(drawing.visibleProperty());
        return drawing;
    }

    private Node weightSection() {
        histograms.setId("inside-histograms");
        Label note = new Label();
        note.setWrapText(true);
        note.textProperty().bind(model.weightsNoteProperty());
        Region before = swatch(HistogramChart.BEFORE);
        Region after = swatch(HistogramChart.AFTER);
        HBox legend = new HBox(6, before, new Label("before"), after, new Label("after training"));
        legend.setAlignment(Pos.CENTER_LEFT);
        return new VBox(
                8,
                heading("Weights before and after training"),
                explanation("How many of each layer's weights have which value. Training moves them away from "
                        + "where they started; a layer whose weights barely moved learned little."),
                legend,
                note,
                histograms);
    }

    private static Region swatch(javafx.scene.paint.Color colour) {
        Region swatch = new Region();
        swatch.setMinSize(14, 14);
        swatch.setMaxSize(14, 14);
        swatch.setBackground(
                new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(colour, null, null)));
        return swatch;
    }

    private void showFilters(FilterGrid grid) {
        filterSection.setVisible(grid != null);
        filters.getChildren().clear();
        filterScale.getChildren().clear();
        if (grid == null) {
            return;
        }
        filtersTitle.setText(grid.title());
        for (PixelTile tile : grid.filters()) {
            ImageView view = new ImageView(TileImages.of(tile, TileImages.scaleFor(tile, FILTER_SIZE)));
            StackPane frame = new StackPane(view);
            // A weight of 0 is white: the frame keeps a filter of small weights visible as a square.
            frame.getStyleClass().add("thin-frame");
            filters.getChildren().add(frame);
        }
        Region bar = new Region();
        bar.setPrefSize(160, 12);
        bar.setStyle("-fx-background-color: linear-gradient(to right, #0000ff, #ffffff, #ff0000);"
                + " -fx-border-color: -color-border-default;");
        filterScale.setAlignment(Pos.CENTER_LEFT);
        filterScale
                .getChildren()
                .addAll(
                        new Label(String.format(Locale.ROOT, "%+.3f", -grid.range())),
                        bar,
                        new Label(String.format(Locale.ROOT, "%+.3f", grid.range())),
                        explanation("(white is 0)"));
    }

    private void showSample(PixelTile tile) {
        sample.setImage(tile == null ? null : TileImages.of(tile, TileImages.scaleFor(tile, SAMPLE_SIZE)));
    }

    private void showMaps() {
        maps.getChildren().clear();
        for (MapGroup group : model.featureMaps()) {
            FlowPane pictures = new FlowPane(4, 4);
            pictures.getStyleClass().add("inside-map-group");
            for (PixelTile tile : group.maps()) {
                pictures.getChildren().add(new ImageView(TileImages.of(tile, TileImages.scaleFor(tile, MAP_SIZE))));
            }
            pictures.prefWrapLengthProperty().bind(maps.widthProperty());
            Label title = new Label(group.title());
            title.setWrapText(true);
            maps.getChildren().add(new VBox(4, title, pictures));
        }
    }

    private void showWeights() {
        histograms.getChildren().clear();
        for (WeightDistribution distribution : model.weights()) {
            histograms.getChildren().add(new HistogramChart(distribution));
        }
    }
}
