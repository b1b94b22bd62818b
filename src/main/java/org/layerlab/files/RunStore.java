package org.layerlab.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingEngine;

/**
 * The trained models of a project's runs, one model folder per run under one root: beside a saved
 * project {@code NAME.layerlab} that is {@code NAME.runs/}, for an unsaved project a folder in LayerLab's
 * home. Models live on disk, not in memory, so any number of runs costs no memory until one is opened.
 */
public final class RunStore {
    private static final String RUNS_SUFFIX = ".runs";

    private final Path root;

    public RunStore(Path root) {
        this.root = root;
    }

    /** The store beside a project file. */
    public static RunStore besideProject(Path projectFile) {
        String name = projectFile.getFileName().toString();
        String base = name.endsWith(ProjectFile.EXTENSION)
                ? name.substring(0, name.length() - ProjectFile.EXTENSION.length())
                : name;
        return new RunStore(projectFile.resolveSibling(base + RUNS_SUFFIX));
    }

    public Path root() {
        return root;
    }

    /** The model folder of a run ("Run 3" → ROOT/run-3). */
    public Path folder(String runName) {
        return root.resolve(runName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }

    public boolean has(String runName) {
        return Files.isRegularFile(folder(runName).resolve("model.json"));
    }

    public void save(String runName, TrainedModel model) throws IOException {
        Files.createDirectories(root);
        ModelBundle.save(model, folder(runName));
    }

    public TrainedModel load(String runName, TrainingEngine engine) throws FileFormatException {
        if (!has(runName)) {
            throw new FileFormatException(runName + " has no saved model in " + folder(runName)
                    + " (a diverged or failed run keeps none, and a project copied without its "
                    + root.getFileName() + " folder loses them); train it again.");
        }
        return ModelBundle.load(folder(runName), engine);
    }

    /** Removes a run's model folder; only folders this store wrote are touched. */
    public void delete(String runName) throws IOException {
        if (has(runName)) {
            AtomicFiles.deleteTree(folder(runName));
        }
    }

    /** Copies a run's model into another store (Save As), replacing what that store had for the run. */
    public void copyTo(RunStore target, String runName) throws IOException {
        if (!has(runName) || target.root.equals(root)) {
            return;
        }
        Path to = target.folder(runName);
        Files.createDirectories(target.root);
        Path temporary = AtomicFiles.temporaryFolderFor(to);
        try {
            try (Stream<Path> files = Files.list(folder(runName))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, temporary.resolve(file.getFileName()));
                }
            }
            AtomicFiles.replaceFolder(temporary, to);
        } finally {
            AtomicFiles.deleteTree(temporary);
        }
    }

    /** Removes every run folder of this store (an unsaved project's models when it is closed). */
    public void clear() throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> folders = Files.list(root)) {
                for (Path folder : (Iterable<Path>) folders::iterator) {
                    if (Files.isRegularFile(folder.resolve("model.json"))) {
                        AtomicFiles.deleteTree(folder);
                    }
                }
            }
        }
    }
}
