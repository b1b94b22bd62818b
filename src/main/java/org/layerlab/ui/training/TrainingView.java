package org.layerlab.ui.training;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.layerlab.core.explain.Explanations;
import org.layerlab.core.explain.TrainingTopic;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.ui.help.HelpEntry;
import org.layerlab.ui.help.HelpPanel;

/** Step 3: settings, Start / Pause / Stop, live curves, and the runs to compare. */
public final class TrainingView extends BorderPane {
    private final TrainingViewModel model;
    private final HelpPanel help = new HelpPanel(
            "Click a setting, or press F1 in it, to read what it changes, with its formula and a value to start from.");

    public TrainingView(TrainingViewModel model) {
        this.model = model;
        getStyleClass().add("step");
        help.setId("training-help");
        help.showOnF1(this);
        setLeft(settings());
        setCenter(curves());
        // The runs get a column of their own, so that at 1280×800 the list is in view beside the charts; the
        // Help panel shares it, since the settings column needs its full height to keep Start in view.
        SplitPane runsAndHelp = new SplitPane(runs(), help);
        runsAndHelp.setOrientation(Orientation.VERTICAL);
        runsAndHelp.setDividerPositions(0.45);
        runsAndHelp.setPrefWidth(290);
        runsAndHelp.setMinWidth(220);
        setRight(runsAndHelp);
    }

    private Node settings() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(0); // rows are spaced by their cells' margins: see below
        int row = 0;
        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.setId("optimizer");
        optimizer.setConverter(converter(OptimizerKind::displayName));
        optimizer.valueProperty().bindBidirectional(model.optimizerProperty());
        help.explain(optimizer, this::optimizerHelp, model.optimizerProperty());
        grid.addRow(row++, new Label("Optimizer"), optimizer);
        TextField rate = numberField("learning-rate", model.learningRateProperty());
        rate.setTooltip(new Tooltip("Step size of each update; too large and the loss diverges"));
        explain(rate, TrainingTopic.LEARNING_RATE);
        grid.addRow(row++, new Label("Learning rate"), rate);
        row = hyperparameter(
                grid,
                row,
                "Momentum",
                "momentum",
                model.momentumProperty(),
                OptimizerKind.MOMENTUM,
                "Share of the previous step kept in the next one");
        row = hyperparameter(
                grid,
                row,
                "Rho",
                "rho",
                model.rhoProperty(),
                OptimizerKind.RMSPROP,
                "Decay of the average of squared gradients");
        row = hyperparameter(
                grid,
                row,
                "Beta 1",
                "beta1",
                model.beta1Property(),
                OptimizerKind.ADAM,
                "Decay of the average gradient");
        row = hyperparameter(
                grid,
                row,
                "Beta 2",
                "beta2",
                model.beta2Property(),
                OptimizerKind.ADAM,
                "Decay of the average squared gradient");
        ComboBox<LossKind> loss = new ComboBox<>();
        loss.getItems().setAll(LossKind.values());
        loss.setConverter(converter(LossKind::displayName));
        loss.valueProperty().bindBidirectional(model.lossProperty());
        loss.setId("loss");
        help.explain(
                loss, () -> HelpEntry.of(Explanations.of(model.lossProperty().get())), model.lossProperty());
        grid.addRow(row++, new Label("Loss"), loss);
        grid.addRow(
                row++,
                new Label("Epochs"),
                explain(integerSpinner("epochs", 1, 1000, model.epochsProperty()), TrainingTopic.EPOCHS));
        grid.addRow(
                row++,
                new Label("Batch size"),
                explain(integerSpinner("batch-size", 1, 4096, model.batchSizeProperty()), TrainingTopic.BATCH_SIZE));
        grid.addRow(row++, new Label("Validation share"), explain(validationSpinner(), TrainingTopic.VALIDATION_SHARE));
        grid.addRow(row++, new Label("Seed"), explain(seedField(), TrainingTopic.SEED));
        Spinner<Integer> patience = integerSpinner("patience", 0, 100, model.patienceProperty());
        explain(patience, TrainingTopic.EARLY_STOPPING);
        patience.setTooltip(new Tooltip("Stop when validation loss has not improved for this many epochs (0: never)"));
        grid.addRow(row++, new Label("Early stop after"), patience);
        CheckBox keepBest = new CheckBox("Keep the best epoch's weights");
        keepBest.setId("keep-best");
        keepBest.selectedProperty().bindBidirectional(model.keepBestProperty());
        explain(keepBest, TrainingTopic.EARLY_STOPPING);
        grid.add(keepBest, 0, row++, 2, 1);
        // Each row 8 px from the next through its cells' margins rather than the grid's gap: the grid keeps
        // its gap for a row whose cells are hidden (Momentum and Rho while Adam is chosen), which doubled
        // the space where they were.
        grid.getChildren().forEach(cell -> GridPane.setMargin(cell, new Insets(4, 0, 4, 0)));
        // While a run trains the form shows that run's settings; they cannot change under it.
        grid.disableProperty().bind(model.formLockedProperty());

        Button start = new Button("Start");
        start.setId("start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(model.runningProperty());
        start.setOnAction(e -> model.start());
        Button pause = new Button();
        pause.setId("pause");
        pause.textProperty()
                .bind(Bindings.when(model.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.disableProperty().bind(model.runningProperty().not());
        pause.setOnAction(e -> {
            if (model.pausedProperty().get()) {
                model.resume();
            } else {
                model.pause();
            }
        });
        Button stop = new Button("Stop");
        stop.setId("stop");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.stop());
        HBox buttons = new HBox(8, start, pause, stop);
        Label title = new Label("Training settings");
        title.getStyleClass().add("title-4");
        VBox box = new VBox(
                12,
                title,
                grid,
                line("settings-chosen", model.dataDefaults().chosenProperty(), "text-muted"),
                line("few-batches", model.dataDefaults().warningProperty(), "warning-text"),
                buttons);
        box.setPadding(new Insets(12));
        box.setPrefWidth(370);
        grid.getColumnConstraints().add(new javafx.scene.layout.ColumnConstraints(120));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private HelpEntry optimizerHelp() {
        return HelpEntry.of(Explanations.of(model.optimizerProperty().get()));
    }

    /** Shows {@code topic}'s explanation in the Help panel while {@code control} has focus, and on F1. */
    private <N extends Node> N explain(N control, TrainingTopic topic) {
        help.explain(control, () -> HelpEntry.of(Explanations.of(topic)));
        return control;
    }

    /** A setting shown only for the optimizer it belongs to. */
    private int hyperparameter(
            GridPane grid,
            int row,
            String name,
            String id,
            javafx.beans.property.DoubleProperty value,
            OptimizerKind owner,
            String tooltip) {
        TextField field = numberField(id, value);
        field.setTooltip(new Tooltip(tooltip));
        help.explain(field, this::optimizerHelp);
        Label label = new Label(name);
        field.visibleProperty().bind(model.optimizerProperty().isEqualTo(owner));
        field.managedProperty().bind(field.visibleProperty());
        label.visibleProperty().bind(field.visibleProperty());
        label.managedProperty().bind(field.visibleProperty());
        grid.addRow(row, label, field);
        return row + 1;
    }

    private Node runs() {
        ListView<RunView> list = new ListView<>(model.shownRuns());
        list.setId("runs");
        list.setPrefHeight(200);
        list.setPlaceholder(new Label("Each run is kept here to compare."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(RunView run, boolean empty) {
                super.updateItem(run, empty);
                if (empty || run == null) {
                    setGraphic(null);
                    return;
                }
                CheckBox show = new CheckBox();
                show.selectedProperty().bindBidirectional(run.visibleProperty());
                javafx.scene.shape.Line swatch = new javafx.scene.shape.Line(0, 0, 22, 0);
                swatch.setStyle("-fx-stroke: " + RunView.colour(run.colourIndex()) + "; -fx-stroke-width: 3;");
                show.setGraphic(swatch);
                // A Text wraps to the list's width, so a long label is read whole, never cut off with "…".
                Text title = new Text(run.name() + " · " + run.label());
                title.wrappingWidthProperty().bind(view.widthProperty().subtract(70));
                Label result = new Label();
                result.textProperty().bind(run.resultProperty());
                result.getStyleClass().add("text-muted");
                result.setWrapText(true);
                result.maxWidthProperty().bind(title.wrappingWidthProperty());
                result.prefWidthProperty().bind(title.wrappingWidthProperty());
                result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                HBox cell = new HBox(6, show, new VBox(2, title, result));
                setGraphic(cell);
                setPrefWidth(0); // the row fits the list's width: no sideways scrolling
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, view) -> {
            if (view != null) {
                model.select(view);
            }
        });
        model.selectedRunProperty()
                .addListener((o, a, record) -> model.viewOf(record)
                        .ifPresentOrElse(
                                view -> list.getSelectionModel().select(view),
                                () -> list.getSelectionModel().clearSelection()));
        Button delete = new Button("Delete run");
        delete.setId("delete-run");
        delete.disableProperty().bind(model.selectedRunProperty().isNull());
        delete.setOnAction(e -> model.delete(list.getSelectionModel().getSelectedItem()));
        Label title = new Label("Runs");
        title.getStyleClass().add("title-4");
        ComboBox<String> data = new ComboBox<>(model.dataNames());
        data.setId("runs-data");
        data.valueProperty().bindBidirectional(model.shownDataProperty());
        HBox shownData = new HBox(8, new Label("Show runs of"), data);
        shownData.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label hint = new Label("Solid lines: training · dashed: validation · ring: the best epoch kept. Untick a "
                + "run to hide it; select one to see its Results or try it.");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("text-muted");
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        VBox column = new VBox(6, title, shownData, hint, list, delete);
        column.setPadding(new Insets(12));
        column.setPrefWidth(290);
        column.setMinWidth(220);
        return column;
    }

    private Node curves() {
        CurveChart loss = new CurveChart(
                "Loss",
                "loss",
                model.shownRuns(),
                model.chartEpochs(),
                false,
                RunView::trainLoss,
                RunView::validationLoss);
        loss.setId("loss-chart");
        CurveChart accuracy = new CurveChart(
                "Accuracy",
                "accuracy",
                model.shownRuns(),
                model.chartEpochs(),
                true,
                RunView::trainAccuracy,
                RunView::validationAccuracy);
        accuracy.setId("accuracy-chart");
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label progressText = new Label();
        progressText.setId("progress-text");
        progressText.setWrapText(true);
        progressText.textProperty().bind(model.progressTextProperty());
        Label message = new Label();
        message.setId("training-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        VBox.setVgrow(loss, Priority.ALWAYS);
        VBox.setVgrow(accuracy, Priority.ALWAYS);
        progress.setMinHeight(10);
        VBox box = new VBox(8, progress, progressText, message, loss, accuracy);
        box.setPadding(new Insets(12));
        return box;
    }

    /** A number field that shows the property's value and stores every valid number typed. */
    private static TextField numberField(String id, javafx.beans.property.DoubleProperty value) {
        TextField field = number(id, value.get());
        field.textProperty().addListener((o, a, b) -> parse(b).ifPresent(value::set));
        value.addListener((o, a, b) -> {
            if (parse(field.getText()).map(v -> v != b.doubleValue()).orElse(true)) {
                field.setText(format(b.doubleValue()));
            }
        });
        return field;
    }

    private TextField seedField() {
        javafx.beans.property.LongProperty value = model.seedProperty();
        TextField field = number("seed", (double) value.get());
        field.textProperty().addListener((o, a, b) -> parse(b).ifPresent(v -> value.set(v.longValue())));
        value.addListener((o, a, b) -> {
            if (parse(field.getText()).map(v -> v.longValue() != b.longValue()).orElse(true)) {
                field.setText(Long.toString(b.longValue()));
            }
        });
        return field;
    }

    private static Spinner<Integer> integerSpinner(
            String id, int min, int max, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.valueProperty().addListener((o, a, b) -> value.set(b));
        value.addListener((o, a, b) -> spinner.getValueFactory().setValue(b.intValue()));
        return spinner;
    }

    private Spinner<Double> validationSpinner() {
        javafx.beans.property.DoubleProperty value = model.validationFractionProperty();
        Spinner<Double> spinner = new Spinner<>(0.0, 0.8, value.get(), 0.05);
        spinner.setId("validation");
        spinner.valueProperty().addListener((o, a, b) -> value.set(b));
        value.addListener((o, a, b) -> spinner.getValueFactory().setValue(b.doubleValue()));
        return spinner;
    }

    /** A wrapped line of text that takes no room while it is empty. */
    private static Label line(String id, javafx.beans.value.ObservableStringValue text, String style) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static TextField number(String id, double value) {
        TextField field = new TextField(format(value));
        field.setId(id);
        field.setTextFormatter(
                new TextFormatter<String>(change -> change.getControlNewText().matches("[0-9.eE+-]*") ? change : null));
        field.textProperty()
                .addListener((o, a, b) -> field.pseudoClassStateChanged(
                        javafx.css.PseudoClass.getPseudoClass("danger"), parse(b).isEmpty()));
        return field;
    }

    private static java.util.Optional<Double> parse(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? java.util.Optional.of(value) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
