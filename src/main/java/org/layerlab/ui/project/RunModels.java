package org.layerlab.ui.project;

import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.errors.FailureSentence;
import org.layerlab.files.RunStore;
import org.layerlab.ui.common.TaskExecutor;

/**
 * Keeps every run's trained model on disk (see {@link RunStore}) and loads the model of the run the student
 * selects, in the background, so that Results, Try it, Export and Serve all act on that run. Only one model
 * is in memory at a time; selecting another run, deleting it or closing the project releases it.
 */
public final class RunModels {
    private final ProjectState state;
    private final TrainingEngine engine;
    private final TaskExecutor executor;
    private final Path unsavedRoot;
    private final StringProperty message = new SimpleStringProperty("");

    /** {@code home} is LayerLab's own folder; an unsaved project keeps its models in home/unsaved-runs. */
    public RunModels(ProjectState state, TrainingEngine engine, TaskExecutor executor, Path home) {
        this.state = state;
        this.engine = engine;
        this.executor = executor;
        this.unsavedRoot = home.resolve("unsaved-runs");
        state.selectedRunProperty().addListener((o, before, selected) -> load(selected));
        state.openedProperty()
                .addListener((o, a, b) -> state.selectedRunProperty().set(null));
    }

    /** Where the open project's models are: beside its file, or in LayerLab's folder while unsaved. */
    public RunStore store() {
        Path file = state.fileProperty().get();
        return file == null ? new RunStore(unsavedRoot) : RunStore.besideProject(file);
    }

    public RunStore unsavedStore() {
        return new RunStore(unsavedRoot);
    }

    private void load(RunRecord selected) {
        release();
        message.set("");
        if (selected == null) {
            return;
        }
        RunStore store = store();
        executor.submit(
                () -> new LoadedRun(selected, store.load(selected.name(), engine)),
                loaded -> {
                    if (selected.equals(state.selectedRunProperty().get())) {
                        state.selectedModelProperty().set(loaded);
                    } else {
                        loaded.close();
                    }
                },
                failure -> {
                    if (selected.equals(state.selectedRunProperty().get())) {
                        message.set(FailureSentence.forWindow(failure));
                    }
                });
    }

    /** Closes the loaded model (its native memory is freed at once). */
    public void release() {
        LoadedRun loaded = state.selectedModelProperty().get();
        state.selectedModelProperty().set(null);
        if (loaded != null) {
            loaded.close();
        }
    }

    /** Forgets a run: it leaves the project, and its model folder is deleted in the background. */
    public void delete(RunRecord run) {
        if (run.equals(state.selectedRunProperty().get())) {
            state.selectedRunProperty().set(null);
        }
        state.runs().remove(run);
        RunStore store = store();
        executor.submit(
                () -> {
                    store.delete(run.name());
                    return true;
                },
                done -> message.set(run.name() + " and its model were deleted."),
                failure -> message.set(
                        "Could not delete the model of " + run.name() + ": " + FailureSentence.forWindow(failure)));
    }

    /** Why the selected run's model could not be opened; empty when it could. */
    public StringProperty messageProperty() {
        return message;
    }
}
