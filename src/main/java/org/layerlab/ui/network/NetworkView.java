package org.layerlab.ui.network;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;
import org.layerlab.core.explain.Explanations;
import org.layerlab.core.stack.ActivationFunction;
import org.layerlab.core.stack.LayerKind;
import org.layerlab.core.stack.LayerSetting;
import org.layerlab.core.stack.Template;
import org.layerlab.ui.help.HelpEntry;
import org.layerlab.ui.help.HelpPanel;

/** Step 2: drag layers from the palette into the stack, edit them, and see shapes and problems live. */
public final class NetworkView extends BorderPane {
    private static final String NEW_LAYER = "layerlab/new:";
    private static final String MOVE_LAYER = "layerlab/move:";

    private final NetworkViewModel model;
    private final ListView<LayerRow> stack;
    private final HelpPanel help = new HelpPanel("Point at a layer in the palette, or select one in your network, to "
            + "read what it does and why it has its numbers. F1 explains the focused list's layer.");

    public NetworkView(NetworkViewModel model) {
        this.model = model;
        getStyleClass().add("step");
        this.stack = stackList();
        setTop(new VBox(toolbar(), dataNote()));
        SplitPane settingsAndHelp = new SplitPane(sheetPane(), help);
        settingsAndHelp.setOrientation(Orientation.VERTICAL);
        settingsAndHelp.setDividerPositions(0.4);
        SplitPane split = new SplitPane(palette(), stackPane(), settingsAndHelp);
        split.setDividerPositions(0.24, 0.68);
        setCenter(split);
        explainLayers();
    }

    /** The Help panel follows the palette item pointed at or selected and the selected layer of the stack. */
    private void explainLayers() {
        help.setId("network-help");
        help.showOnF1(this);
        help.explain(stack, this::selectedLayerHelp);
        model.selectedProperty().addListener((o, before, after) -> showSelectedLayer());
        model.rows().addListener((ListChangeListener<LayerRow>) c -> showSelectedLayer());
    }

    private void showSelectedLayer() {
        HelpEntry entry = selectedLayerHelp();
        if (entry != null) {
            help.show(entry);
        }
    }

    private HelpEntry selectedLayerHelp() {
        int index = model.selectedProperty().get();
        return index >= 0 && index < model.rows().size()
                ? layerHelp(model.rows().get(index))
                : null;
    }

    private static HelpEntry layerHelp(LayerRow row) {
        return new HelpEntry(Explanations.of(row.layer()), row.numbers());
    }

    private static HelpEntry kindHelp(LayerKind kind) {
        return HelpEntry.of(Explanations.of(kind));
    }

    private Node toolbar() {
        MenuButton templates = new MenuButton("Templates");
        templates.setId("templates");
        for (Template template : Template.values()) {
            MenuItem item = new MenuItem(template.displayName());
            item.setId("template-" + template.name());
            item.setOnAction(e -> model.applyTemplate(template));
            templates.getItems().add(item);
        }
        Button undo = new Button("Undo");
        undo.setId("undo");
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        undo.tooltipProperty()
                .bind(javafx.beans.binding.Bindings.createObjectBinding(
                        () -> new Tooltip(model.undoTextProperty().get() + " (Ctrl+Z)"), model.undoTextProperty()));
        Button redo = new Button("Redo");
        redo.setId("redo");
        redo.disableProperty().bind(model.canRedoProperty().not());
        redo.setOnAction(e -> model.redo());
        Label input = new Label();
        input.textProperty().bind(model.inputProperty());
        Label total = new Label();
        total.setId("total-parameters");
        total.getStyleClass().add("title-4");
        total.textProperty().bind(model.totalProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, templates, undo, redo, spacer, input, new Label("·"), total);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        return bar;
    }

    /** What new data did to the network; where it no longer fits, the network suggested for the data. */
    private Node dataNote() {
        Label note = new Label();
        note.setId("network-data-note");
        note.setWrapText(true);
        note.textProperty().bind(model.dataNoteProperty());
        HBox.setHgrow(note, Priority.ALWAYS);
        Button use = new Button("Use the suggested network");
        use.setId("use-suggestion");
        use.getStyleClass().add("accent");
        use.setMinWidth(Region.USE_PREF_SIZE);
        use.visibleProperty().bind(model.offeredProperty().isNotNull());
        use.managedProperty().bind(use.visibleProperty());
        use.setOnAction(e -> model.useSuggestion());
        HBox bar = new HBox(8, note, use);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 12, 8, 12));
        bar.visibleProperty().bind(model.dataNoteProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Node palette() {
        ListView<LayerKind> palette = new ListView<>(model.palette());
        palette.setId("palette");
        palette.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LayerKind kind, boolean empty) {
                super.updateItem(kind, empty);
                if (empty || kind == null) {
                    setGraphic(null);
                    setTooltip(null);
                    setOnMouseEntered(null);
                    return;
                }
                Label name = new Label(kind.displayName());
                name.getStyleClass().add("layer-name");
                Label description = new Label(kind.description());
                description.setWrapText(true);
                description.getStyleClass().add("text-muted");
                description
                        .prefWidthProperty()
                        .bind(getListView().widthProperty().subtract(70));
                description.setMinHeight(Region.USE_PREF_SIZE);
                VBox text = new VBox(2, name, description);
                HBox box = new HBox(8, LayerIcons.of(kind), text);
                setGraphic(box);
                setTooltip(new Tooltip(tooltip(kind)));
                setOnMouseEntered(e -> help.show(kindHelp(kind)));
                setOnDragDetected(e -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(NEW_LAYER + kind.name());
                    startDragAndDrop(TransferMode.COPY).setContent(content);
                    e.consume();
                });
            }
        });
        palette.getSelectionModel().selectedItemProperty().addListener((o, before, kind) -> {
            if (kind != null) {
                help.show(kindHelp(kind));
            }
        });
        help.explain(palette, () -> {
            LayerKind kind = palette.getSelectionModel().getSelectedItem();
            return kind == null ? null : kindHelp(kind);
        });
        palette.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && palette.getSelectionModel().getSelectedItem() != null) {
                model.insert(
                        palette.getSelectionModel().getSelectedItem(),
                        model.rows().size());
            }
        });
        Label title = new Label("Layers — drag into the stack");
        title.getStyleClass().add("title-4");
        VBox.setVgrow(palette, Priority.ALWAYS);
        VBox box = new VBox(6, title, palette);
        box.setPadding(new Insets(8));
        return box;
    }

    static String tooltip(LayerKind kind) {
        StringBuilder text = new StringBuilder(kind.description());
        if (kind.formula() != null) {
            text.append("\n").append(kind.formula());
        }
        if (kind == LayerKind.ACTIVATION) {
            for (ActivationFunction f : ActivationFunction.values()) {
                text.append("\n").append(f.displayName()).append(": ").append(f.formula());
            }
        }
        return text.toString();
    }

    private ListView<LayerRow> stackList() {
        ListView<LayerRow> list = new ListView<>(model.rows());
        list.setId("stack");
        list.setPlaceholder(new Label("Drag layers here, or pick a template above."));
        list.setCellFactory(view -> new LayerCell());
        // Replacing the rows after an edit clears the list's selection for a moment; the ViewModel keeps
        // the selected layer, so that the property sheet stays on the layer being edited.
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                model.selectedProperty().set(b.intValue());
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (list.getSelectionModel().getSelectedIndex() != b.intValue()) {
                list.getSelectionModel().select(b.intValue());
            }
        });
        model.rows().addListener((ListChangeListener<LayerRow>) c -> {
            int index = model.selectedProperty().get();
            if (index >= 0 && index < model.rows().size()) {
                list.getSelectionModel().select(index);
            }
        });
        list.setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)
                    && list.getSelectionModel().getSelectedIndex() >= 0) {
                model.remove(list.getSelectionModel().getSelectedIndex());
                e.consume();
            }
        });
        list.setOnDragOver(e -> {
            if (e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        list.setOnDragDropped(e -> {
            e.setDropCompleted(drop(e.getDragboard().getString(), model.rows().size()));
            e.consume();
        });
        return list;
    }

    /** Handles a drop at {@code index}: a new layer from the palette, or a layer moved within the stack. */
    private boolean drop(String payload, int index) {
        if (payload == null) {
            return false;
        }
        if (payload.startsWith(NEW_LAYER)) {
            model.insert(LayerKind.valueOf(payload.substring(NEW_LAYER.length())), index);
            return true;
        }
        if (payload.startsWith(MOVE_LAYER)) {
            int from = Integer.parseInt(payload.substring(MOVE_LAYER.length()));
            model.move(from, index > from ? index - 1 : index);
            return true;
        }
        return false;
    }

    private Node stackPane() {
        Label title = new Label("Your network (input at the top, output at the bottom)");
        title.getStyleClass().add("title-4");
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("problems");
        problems.setPrefHeight(90);
        problems.setPlaceholder(new Label("No problems: this network can train on the data."));
        problems.getStyleClass().add("problems");
        problems.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        problems.setPrefHeight(110);
        VBox.setVgrow(stack, Priority.ALWAYS);
        VBox box = new VBox(6, title, stack, new Label("Problems"), problems);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node sheetPane() {
        Label settingProblem = new Label();
        settingProblem.setId("setting-problem");
        settingProblem.setWrapText(true);
        settingProblem.getStyleClass().add("danger-text");
        settingProblem.visibleProperty().bind(settingProblem.textProperty().isNotEmpty());
        settingProblem.managedProperty().bind(settingProblem.visibleProperty());
        model.selectedProperty().addListener((o, a, b) -> settingProblem.setText(""));
        PropertySheet sheet = new LayerSheet(model);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> {
            java.util.List<String> choices = model.selectedSettings().stream()
                    .filter(s -> s.name().equals(item.getName()))
                    .findFirst()
                    .map(LayerSetting::choices)
                    .orElse(java.util.List.of());
            if (!choices.isEmpty()) {
                return Editors.createChoiceEditor(item, choices);
            }
            if (item.getType() == Integer.class || item.getType() == Double.class) {
                return new NumberEditor(item, model::problemIf, settingProblem::setText);
            }
            return defaults.call(item);
        });
        Label title = new Label("Settings of the selected layer");
        title.getStyleClass().add("title-4");
        Label hint = new Label("Select a layer to change it. Problems show at once, beside the layer.");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("text-muted");
        VBox.setVgrow(sheet, Priority.ALWAYS);
        VBox box = new VBox(6, title, sheet, settingProblem, hint);
        box.setPadding(new Insets(8));
        return box;
    }

    /** Why the row has its shape and parameter count; none while they cannot be worked out. */
    private static Tooltip numbersTooltip(LayerRow row) {
        if (row.numbers().isEmpty()) {
            return null;
        }
        Tooltip tooltip = new Tooltip(row.numbers());
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(460);
        return tooltip;
    }

    /** A stack row: number, layer, output shape and parameters; a broken layer in red with its reason. */
    private static final PseudoClass DROP_BEFORE = PseudoClass.getPseudoClass("drop-before");

    private static final PseudoClass DROP_AFTER = PseudoClass.getPseudoClass("drop-after");

    private final class LayerCell extends ListCell<LayerRow> {
        LayerCell() {
            setOnDragDetected(e -> {
                if (getItem() != null) {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(MOVE_LAYER + getItem().index());
                    startDragAndDrop(TransferMode.MOVE).setContent(content);
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasString()) {
                    e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                    showDropMarker(e.getY());
                }
                e.consume();
            });
            setOnDragExited(e -> showDropMarker(Double.NaN));
            setOnDragDropped(e -> {
                e.setDropCompleted(drop(e.getDragboard().getString(), dropIndex(e.getY())));
                showDropMarker(Double.NaN);
                e.consume();
            });
        }

        /** Where a layer dropped at height {@code y} of this row goes: above it, or below it on its lower half. */
        private int dropIndex(double y) {
            if (getItem() == null) {
                return model.rows().size();
            }
            return getItem().index() + (y > getHeight() / 2 ? 1 : 0);
        }

        /** A line above or below the row where the dragged layer would land; none for NaN. */
        private void showDropMarker(double y) {
            boolean here = !Double.isNaN(y) && getItem() != null;
            boolean below = here && y > getHeight() / 2;
            pseudoClassStateChanged(DROP_BEFORE, here && !below);
            pseudoClassStateChanged(DROP_AFTER, below);
        }

        @Override
        protected void updateItem(LayerRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("broken");
            if (empty || row == null) {
                setGraphic(null);
                setContextMenu(null);
                setTooltip(null);
                setOnMouseEntered(null);
                return;
            }
            setTooltip(numbersTooltip(row));
            setOnMouseEntered(e -> help.show(layerHelp(row)));
            Label number = new Label(Integer.toString(row.index() + 1));
            number.getStyleClass().add("layer-number");
            Label name = new Label(row.label());
            name.getStyleClass().add("layer-name");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label shape = new Label("→ " + row.output());
            shape.getStyleClass().add("layer-shape");
            Label params = new Label(row.parameters().isEmpty() ? "" : row.parameters() + " params");
            params.getStyleClass().add("text-muted");
            params.setMinWidth(110);
            params.setAlignment(Pos.CENTER_RIGHT);
            HBox line = new HBox(10, number, LayerIcons.of(row.layer().kind()), name, spacer, shape, params);
            line.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(2, line);
            if (row.problem() != null) {
                getStyleClass().add("broken");
                Label problem = new Label(row.problem());
                problem.setWrapText(true);
                problem.getStyleClass().add("layer-problem");
                problem.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
                problem.setMinHeight(Region.USE_PREF_SIZE);
                box.getChildren().add(problem);
            }
            setGraphic(box);
            MenuItem delete = new MenuItem("Delete");
            delete.setOnAction(e -> model.remove(row.index()));
            MenuItem up = new MenuItem("Move up");
            up.setOnAction(e -> model.move(row.index(), row.index() - 1));
            MenuItem down = new MenuItem("Move down");
            down.setOnAction(e -> model.move(row.index(), row.index() + 1));
            setContextMenu(new ContextMenu(delete, up, down));
        }
    }
}
