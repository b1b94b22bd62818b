package org.layerlab.ui.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.core.project.Project;
import org.layerlab.core.project.RunRecord;
import org.layerlab.errors.FailureSentence;
import org.layerlab.files.AtomicFiles;
import org.layerlab.files.ProjectFile;
import org.layerlab.files.RunStore;
import org.layerlab.ui.common.TaskExecutor;

/**
 * Projects: new, open, save, save as, the recent list, and a recovery copy written while there are
 * unsaved changes, so that a crash loses at most the last minute of work.
 */
public final class ProjectViewModel {
    private static final int RECENT = 8;

    private final ProjectState state;
    private final TaskExecutor executor;
    private final RunModels runModels;
    private final Path home;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringBinding title;

    /** {@code home} is LayerLab's folder for the recent list and the recovery copy (~/.layerlab). */
    public ProjectViewModel(ProjectState state, TaskExecutor executor, RunModels runModels, Path home) {
        this.state = state;
        this.executor = executor;
        this.runModels = runModels;
        this.home = home;
        this.title = Bindings.createStringBinding(
                () -> "LayerLab — "
                        + (state.fileProperty().get() == null
                                ? "untitled"
                                : state.fileProperty().get().getFileName())
                        + (state.dirtyProperty().get() ? " *" : ""),
                state.fileProperty(),
                state.dirtyProperty());
        recent.setAll(readRecent());
    }

    public void newProject() {
        closeRuns();
        state.replace(Project.empty(), null);
        status.set("New project.");
    }

    public void open(Path file) {
        executor.submit(
                () -> ProjectFile.read(file),
                project -> {
                    closeRuns();
                    state.replace(project, file);
                    remember(file);
                    status.set("Opened " + file.getFileName() + ".");
                },
                failure -> status.set(FailureSentence.forWindow(failure)));
    }

    /** Saves to the current file; returns false if the project has none yet (ask for one, then saveAs). */
    public boolean save() {
        if (state.fileProperty().get() == null) {
            return false;
        }
        saveAs(state.fileProperty().get());
        return true;
    }

    public void saveAs(Path chosen) {
        saveAs(chosen, () -> {});
    }

    /** Saves to {@code chosen}, then runs {@code afterwards}, only if the project was written. */
    public void saveAs(Path chosen, Runnable afterwards) {
        Path file = chosen.getFileName().toString().endsWith(ProjectFile.EXTENSION)
                ? chosen
                : chosen.resolveSibling(chosen.getFileName() + ProjectFile.EXTENSION);
        long revision = state.revision();
        Project project = state.snapshot();
        RunStore from = runModels.store();
        RunStore to = RunStore.besideProject(file);
        boolean wasUnsaved = state.fileProperty().get() == null;
        executor.submit(
                () -> {
                    for (RunRecord run : project.runs()) {
                        from.copyTo(to, run.name());
                    }
                    ProjectFile.write(file, project);
                    if (wasUnsaved) {
                        from.clear();
                    }
                    return file;
                },
                saved -> {
                    state.fileProperty().set(saved);
                    state.markSaved(revision);
                    remember(saved);
                    discardRecovery();
                    status.set("Saved " + saved.getFileName() + ".");
                    afterwards.run();
                },
                failure -> status.set(
                        "Not saved: " + FailureSentence.forWindow(failure) + " Choose another folder with Save As."));
    }

    /** Writes the recovery copy if there are unsaved changes; called every minute. */
    public void autosave() {
        if (!state.dirtyProperty().get()) {
            return;
        }
        Project project = state.snapshot();
        executor.submit(
                () -> {
                    ProjectFile.write(recoveryFile(), project);
                    return true;
                },
                done -> {},
                failure -> status.set("Could not write the recovery copy: " + FailureSentence.forWindow(failure)));
    }

    public boolean recoveryAvailable() {
        return Files.isRegularFile(recoveryFile());
    }

    /** Opens the recovery copy as an unsaved project. */
    public void recover() {
        executor.submit(
                () -> ProjectFile.read(recoveryFile()),
                project -> {
                    state.replace(project, null);
                    state.markUnsaved();
                    status.set("Recovered the unsaved work of the last session; save it to keep it.");
                },
                failure -> status.set("The recovery copy cannot be read: " + FailureSentence.forWindow(failure)));
    }

    /**
     * Releases the open project's models: the loaded one is closed, and an unsaved project's model folders
     * are deleted (a saved project's stay beside its file).
     */
    public void closeRuns() {
        runModels.release();
        if (state.fileProperty().get() == null) {
            discardUnsavedRuns();
        }
    }

    /** Deletes the models of runs never saved with a project (after a declined recovery, or on quit). */
    public void discardUnsavedRuns() {
        RunStore unsaved = runModels.unsavedStore();
        executor.submit(
                () -> {
                    unsaved.clear();
                    return true;
                },
                done -> {},
                failure -> status.set(
                        "Could not remove the models of unsaved runs: " + FailureSentence.forWindow(failure)));
    }

    public void discardRecovery() {
        try {
            Files.deleteIfExists(recoveryFile());
        } catch (IOException e) {
            status.set("Could not remove the recovery copy: " + e.getMessage());
        }
    }

    Path recoveryFile() {
        return home.resolve("recovery" + ProjectFile.EXTENSION);
    }

    private void remember(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        recent.remove(absolute);
        recent.add(0, absolute);
        while (recent.size() > RECENT) {
            recent.remove(recent.size() - 1);
        }
        try {
            List<String> lines = recent.stream().map(Path::toString).toList();
            AtomicFiles.writeString(home.resolve("recent.txt"), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            status.set("Could not update the recent projects list: " + e.getMessage());
        }
    }

    private List<Path> readRecent() {
        List<Path> paths = new ArrayList<>();
        try {
            Path file = home.resolve("recent.txt");
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank() && Files.isRegularFile(Path.of(line))) {
                        paths.add(Path.of(line));
                    }
                }
            }
        } catch (IOException e) {
            status.set("Could not read the recent projects list: " + e.getMessage());
        }
        return paths;
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringBinding titleBinding() {
        return title;
    }

    public ProjectState state() {
        return state;
    }
}
