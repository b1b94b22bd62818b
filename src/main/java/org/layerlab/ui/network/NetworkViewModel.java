package org.layerlab.ui.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.EditHistory;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerArithmetic;
import org.layerlab.core.stack.LayerKind;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.LayerSetting;
import org.layerlab.core.stack.LayerSettings;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.LayerSummary;
import org.layerlab.core.stack.ShapeInference;
import org.layerlab.core.stack.StackSummary;
import org.layerlab.core.stack.Template;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.StackCompatibility;
import org.layerlab.core.training.SuggestedNetwork;
import org.layerlab.ui.project.ProjectState;

/**
 * The network step: the stack with every layer's output shape, parameters and problem, edited by
 * inserting, moving, removing and changing layers, with undo and redo of every edit.
 */
public final class NetworkViewModel {
    private static final int HISTORY = 200;

    private final ProjectState project;
    private final EditHistory<LayerStack> history;
    private final ObservableList<LayerKind> palette = FXCollections.observableArrayList(LayerKind.values());
    private final ObservableList<LayerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final StringProperty total = new SimpleStringProperty();
    private final StringProperty input = new SimpleStringProperty();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObservableList<LayerSetting> selectedSettings = FXCollections.observableArrayList();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final StringProperty undoText = new SimpleStringProperty("Undo");
    private final StringProperty redoText = new SimpleStringProperty("Redo");
    private final StringProperty dataNote = new SimpleStringProperty("");
    private final ObjectProperty<SuggestedNetwork> offered = new SimpleObjectProperty<>();

    public NetworkViewModel(ProjectState project) {
        this.project = project;
        this.history = new EditHistory<>(project.stackProperty().get(), HISTORY);
        project.openedProperty().addListener((o, a, b) -> {
            history.reset(project.stackProperty().get());
            selected.set(-1);
            offered.set(null);
            dataNote.set("");
            refresh();
        });
        project.datasetProperty().addListener((o, a, loaded) -> {
            if (loaded != null) {
                followData(loaded);
            }
            refresh();
        });
        project.trainingProperty().addListener((o, a, b) -> refresh());
        selected.addListener((o, a, b) -> refreshSelection());
        refresh();
    }

    public void insert(LayerKind kind, int index) {
        LayerStack stack = current();
        int at = Math.max(0, Math.min(index, stack.layers().size()));
        edit(stack.inserted(at, LayerSettings.defaultOf(kind)), "Add " + kind.displayName());
        selected.set(at);
    }

    public void move(int from, int to) {
        LayerStack stack = current();
        if (from < 0 || from >= stack.layers().size() || from == to) {
            return;
        }
        int target = Math.max(0, Math.min(to, stack.layers().size() - 1));
        edit(
                stack.moved(from, target),
                "Move " + stack.layers().get(from).kind().displayName());
        selected.set(target);
    }

    public void remove(int index) {
        LayerStack stack = current();
        if (index < 0 || index >= stack.layers().size()) {
            return;
        }
        edit(stack.removed(index), "Delete " + stack.layers().get(index).kind().displayName());
        selected.set(Math.min(index, stack.layers().size() - 2));
    }

    /** Changes one setting of the selected layer; the layer's problem, if any, shows at once. */
    public void changeSetting(String name, Object value) {
        int index = selected.get();
        LayerStack stack = current();
        if (index < 0 || index >= stack.layers().size()) {
            return;
        }
        Layer before = stack.layers().get(index);
        Layer after = LayerSettings.with(before, name, value);
        if (!after.equals(before)) {
            // Settings change on every keystroke: successive changes of one setting are one step to undo.
            LayerStack changed = stack.replaced(index, after);
            history.applyOrMerge(
                    changed,
                    "Change " + name + " of layer " + (index + 1) + " ("
                            + before.kind().displayName() + ")");
            project.stackProperty().set(changed);
            refresh();
        }
    }

    /** What would be wrong with the selected layer if {@code name} were {@code value}; for checking as you type. */
    public java.util.Optional<String> problemIf(String name, Object value) {
        int index = selected.get();
        if (index < 0 || index >= current().layers().size()) {
            return java.util.Optional.empty();
        }
        List<String> problems =
                LayerSettings.with(current().layers().get(index), name, value).settingProblems();
        return problems.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("; ", problems));
    }

    public void applyTemplate(Template template) {
        Dataset data = project.datasetProperty().get();
        LayerStack stack = data == null ? template.stackFor(null, 10, 0) : SuggestedNetwork.stackFor(template, data);
        edit(stack, "Use template " + template.displayName());
        selected.set(-1);
        offered.set(null);
        dataNote.set("");
    }

    /** Replaces the stack with {@code stack} as one step that can be undone, e.g. a lesson's next network. */
    public void replaceStack(LayerStack stack, String description) {
        edit(stack, description);
        selected.set(-1);
    }

    /** Replaces the stack with the network offered for the loaded data, when one is offered. */
    public void useSuggestion() {
        SuggestedNetwork suggestion = offered.get();
        Dataset data = project.datasetProperty().get();
        if (suggestion != null && data != null) {
            edit(suggestion.stack(), "Use the network suggested for " + data.name());
            selected.set(-1);
            dataNote.set("Now " + suggestion.description() + ", as suggested for " + data.name() + ".");
        }
    }

    /**
     * New data decides where the network starts. Its input always follows the data; an empty stack gets
     * the network suggested for the data; a stack that still works is kept; one that no longer can is kept
     * too, but the suggested network is offered in its place, with the reason.
     */
    private void followData(Dataset data) {
        offered.set(null);
        if (current().input() != null) {
            // Stacks saved before templates left their input open: free it, or Start refuses other data.
            edit(current().withInput(null), "Take the input from the data");
        }
        SuggestedNetwork suggestion = SuggestedNetwork.of(data);
        String name = data.name();
        if (current().layers().isEmpty()) {
            edit(suggestion.stack(), "Use the network suggested for " + name);
            dataNote.set("Started with " + suggestion.description() + ", as suggested for " + name
                    + ". Change it as you like.");
            return;
        }
        List<String> problems = StackCompatibility.check(
                        current(), data, project.trainingProperty().get().loss())
                .problems();
        if (problems.isEmpty()) {
            dataNote.set("Kept this network for " + name + ": it takes its input " + shape(data) + " from the data.");
        } else {
            offered.set(suggestion);
            dataNote.set("This network does not fit " + name + ": " + problems.get(0) + " Suggested for " + name + ": "
                    + suggestion.description() + ".");
        }
    }

    private static TensorShape shape(Dataset data) {
        return TensorShape.of(data.inputShape());
    }

    public void undo() {
        project.stackProperty().set(history.undo());
        refresh();
    }

    public void redo() {
        project.stackProperty().set(history.redo());
        refresh();
    }

    private void edit(LayerStack stack, String description) {
        history.apply(stack, description);
        project.stackProperty().set(stack);
        refresh();
    }

    private LayerStack current() {
        return history.current();
    }

    /** The stack with the loaded data's input shape, which is what is checked and trained. */
    private LayerStack adapted() {
        Dataset data = project.datasetProperty().get();
        return data == null ? current() : current().withInput(TensorShape.of(data.inputShape()));
    }

    private void refresh() {
        LayerStack stack = adapted();
        Dataset data = project.datasetProperty().get();
        List<String> all = new ArrayList<>();
        StackSummary summary;
        if (data != null) {
            StackCompatibility.Result check = StackCompatibility.check(
                    stack, data, project.trainingProperty().get().loss());
            summary = check.summary();
            all.addAll(check.problems());
        } else {
            summary = ShapeInference.summarize(stack);
            if (stack.input() == null) {
                all.add("Load data first: the input shape comes from it.");
            } else {
                all.addAll(summary.problems());
            }
        }
        List<LayerRow> list = new ArrayList<>();
        for (LayerSummary layer : summary.layers()) {
            String output = layer.output() == null
                    ? (layer.ok() ? "?" : "—")
                    : layer.output().toString();
            String params = layer.output() == null ? "" : String.format(Locale.ROOT, "%,d", layer.parameters());
            list.add(new LayerRow(
                    layer.number() - 1,
                    layer.layer(),
                    LayerLabel.of(layer.layer()),
                    output,
                    params,
                    problemFor(layer, all),
                    LayerArithmetic.explain(layer)));
        }
        rows.setAll(list);
        problems.setAll(all);
        if (offered.get() != null && data != null && all.isEmpty()) {
            // The student made the network fit by hand: nothing to offer, and the reason is gone.
            offered.set(null);
            dataNote.set("");
        }
        input.set(stack.input() == null ? "Input: from the data" : "Input " + stack.input());
        total.set(String.format(Locale.ROOT, "%,d parameters", summary.totalParameters()));
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        undoText.set(history.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(history.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
        refreshSelection();
    }

    /** A layer's own problem, or a data mismatch that names it ("Layer 5 (Dense) outputs ..."). */
    private static String problemFor(LayerSummary layer, List<String> all) {
        if (!layer.ok()) {
            return layer.problem();
        }
        String prefix = "Layer " + layer.number() + " (";
        return all.stream().filter(p -> p.startsWith(prefix)).findFirst().orElse(null);
    }

    private void refreshSelection() {
        int index = selected.get();
        List<Layer> layers = current().layers();
        selectedSettings.setAll(index >= 0 && index < layers.size() ? LayerSettings.of(layers.get(index)) : List.of());
    }

    public ObservableList<LayerKind> palette() {
        return palette;
    }

    public ObservableList<LayerRow> rows() {
        return rows;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public StringProperty totalProperty() {
        return total;
    }

    public StringProperty inputProperty() {
        return input;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ObservableList<LayerSetting> selectedSettings() {
        return selectedSettings;
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    public BooleanProperty canRedoProperty() {
        return canRedo;
    }

    public StringProperty undoTextProperty() {
        return undoText;
    }

    public StringProperty redoTextProperty() {
        return redoText;
    }

    /** What loading data did to the network, or why it no longer fits; empty before any data. */
    public StringProperty dataNoteProperty() {
        return dataNote;
    }

    /** The network suggested in place of one that does not fit the data; null when none is offered. */
    public ObjectProperty<SuggestedNetwork> offeredProperty() {
        return offered;
    }
}
