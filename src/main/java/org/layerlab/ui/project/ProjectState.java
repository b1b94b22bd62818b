package org.layerlab.ui.project;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.project.DataSettings;
import org.layerlab.core.project.Project;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.TrainingConfig;

/**
 * The open project as the screens share it. Each screen's ViewModel reads and writes its part here;
 * {@code opened} counts projects put in place whole (new, open, recover), so screens can start afresh.
 */
public final class ProjectState {
    private final ObjectProperty<DataSettings> dataSettings = new SimpleObjectProperty<>();
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<LayerStack> stack =
            new SimpleObjectProperty<>(Project.empty().stack());
    private final ObjectProperty<TrainingConfig> training = new SimpleObjectProperty<>(TrainingConfig.DEFAULT);
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private long revision;
    private long savedRevision;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final IntegerProperty opened = new SimpleIntegerProperty(0);
    private final ObjectProperty<RunRecord> selectedRun = new SimpleObjectProperty<>();
    private final ObjectProperty<LoadedRun> selectedModel = new SimpleObjectProperty<>();

    public ProjectState() {
        dataSettings.addListener((o, a, b) -> edited());
        stack.addListener((o, a, b) -> edited());
        training.addListener((o, a, b) -> edited());
        runs.addListener((javafx.collections.ListChangeListener<RunRecord>) c -> edited());
    }

    private void edited() {
        revision++;
        dirty.set(revision != savedRevision);
    }

    /** Counts the edits so far; a save records the count it wrote, see {@link #markSaved}. */
    public long revision() {
        return revision;
    }

    /**
     * The project as it was at {@code written} is in its file. Edits made since (while the file was being
     * written) keep the unsaved mark.
     */
    public void markSaved(long written) {
        savedRevision = written;
        dirty.set(revision != savedRevision);
    }

    /** The project in place is not in any file yet (recovered work). */
    public void markUnsaved() {
        savedRevision = -1;
        dirty.set(true);
    }

    public Project snapshot() {
        return new Project(dataSettings.get(), stack.get(), training.get(), List.copyOf(runs));
    }

    /** Puts a whole project in place; it counts as saved. */
    public void replace(Project project, Path from) {
        dataset.set(null);
        dataSettings.set(project.data());
        stack.set(project.stack());
        training.set(project.training());
        runs.setAll(project.runs());
        file.set(from);
        opened.set(opened.get() + 1);
        markSaved(revision);
    }

    public ObjectProperty<DataSettings> dataSettingsProperty() {
        return dataSettings;
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<LayerStack> stackProperty() {
        return stack;
    }

    public ObjectProperty<TrainingConfig> trainingProperty() {
        return training;
    }

    public ObservableList<RunRecord> runs() {
        return runs;
    }

    /** True while there are edits not yet in the project's file. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public IntegerProperty openedProperty() {
        return opened;
    }

    /** The run chosen in the runs list; Results, Try it, Export and Serve act on it. */
    public ObjectProperty<RunRecord> selectedRunProperty() {
        return selectedRun;
    }

    /** The selected run's model once it is loaded; null while none is selected, loading, or it has none. */
    public ObjectProperty<LoadedRun> selectedModelProperty() {
        return selectedModel;
    }
}
