package org.layerlab.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingEvent;

/**
 * The folder {@code train --out DIR} writes: {@code DIR/model/}, {@code DIR/metrics.csv} and {@code
 * DIR/training.json}. They are written together into a hidden sibling, {@code .DIR.partial-N}, which is
 * then renamed to {@code DIR}, so the model and the metrics in a run folder always come from the same run.
 * An existing run is replaced only when asked, and only if it holds nothing but what LayerLab writes: the
 * old folder is renamed to {@code .DIR.replaced-N} before the new one moves in, and then only LayerLab's
 * files are deleted from it. A save cut short (a kill, a power cut) leaves one of those hidden siblings;
 * the next {@link #prepare} of the same folder removes it and says so.
 */
public final class RunFolder {
    static final String MODEL = "model";
    static final String METRICS = "metrics.csv";
    static final String SETTINGS = "training.json";
    private static final Set<String> RUN_ENTRIES = Set.of(MODEL, METRICS, SETTINGS);
    private static final String PARTIAL = ".partial-";
    private static final String REPLACED = ".replaced-";

    private final Path folder;

    private RunFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /**
     * Checks, before any long work, that a run can be saved to {@code folder}: a folder of that name is
     * refused unless {@code overwrite} and it is a run folder LayerLab wrote; its parent must be writable.
     * Removes what an interrupted save left beside it; returns a line for each thing removed.
     */
    public static List<String> prepare(Path folder, boolean overwrite) throws RunFolderException {
        RunFolder run = new RunFolder(folder);
        run.checkTarget(overwrite);
        run.checkWritable();
        return run.removeLeftovers();
    }

    /** Writes the model (none when the run kept none), the metrics and the settings, then moves them into place. */
    public static void write(
            Path folder, TrainedModel model, List<TrainingEvent.EpochEnded> epochs, TrainingConfig config)
            throws IOException {
        RunFolder run = new RunFolder(folder);
        Path partial = AtomicFiles.temporaryFolderIn(run.parent(), run.hidden(PARTIAL));
        try {
            if (model != null) {
                ModelBundle.save(model, partial.resolve(MODEL));
            }
            MetricsFile.write(partial.resolve(METRICS), epochs);
            TrainingConfigJson.save(partial.resolve(SETTINGS), config);
            run.moveIntoPlace(partial);
        } finally {
            AtomicFiles.deleteTree(partial);
        }
    }

    private void moveIntoPlace(Path partial) throws IOException {
        if (!Files.exists(folder)) {
            Files.move(partial, folder);
            return;
        }
        Path replaced = Files.createTempDirectory(parent(), hidden(REPLACED));
        Files.delete(replaced);
        Files.move(folder, replaced);
        Files.move(partial, folder);
        deleteRun(replaced);
    }

    private void checkTarget(boolean overwrite) throws RunFolderException {
        if (Files.isRegularFile(folder)) {
            throw new RunFolderException(
                    folder
                            + " is a file; give --out a folder name (train writes model/, metrics.csv and training.json into it).");
        }
        if (!Files.isDirectory(folder) || isEmpty(folder)) {
            return;
        }
        List<String> foreign;
        try {
            foreign = foreignEntries(folder);
        } catch (IOException e) {
            throw new RunFolderException(
                    folder + ": cannot look inside (" + e.getMessage() + "); choose another --out folder.", e);
        }
        if (!foreign.isEmpty()) {
            throw new RunFolderException(
                    folder + " holds " + foreign.get(0)
                            + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more" : "")
                            + ", which LayerLab did not write; choose another --out folder (LayerLab deletes only files it wrote).");
        }
        if (!overwrite) {
            throw new RunFolderException(folder + " already holds a run; give --overwrite to replace it, or choose "
                    + "another --out folder.");
        }
    }

    private void checkWritable() throws RunFolderException {
        try {
            Files.createDirectories(parent());
            Path probe = Files.createTempFile(parent(), hidden(".write-check-"), ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            String reason = e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            throw new RunFolderException(
                    parent() + ": cannot write there (" + reason
                            + "); choose another --out folder that you can write to.",
                    e);
        }
    }

    private List<String> removeLeftovers() throws RunFolderException {
        List<String> removed = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(parent())) {
            for (Path leftover : siblings.filter(this::isLeftover).toList()) {
                // A .partial- folder is LayerLab's from the start (with the model's own temporary folder
                // inside if the cut came early); a .replaced- one was a run folder checked before it was moved.
                if (leftover.getFileName().toString().startsWith(hidden(PARTIAL))) {
                    AtomicFiles.deleteTree(leftover);
                } else {
                    deleteRun(leftover);
                }
                if (Files.notExists(leftover)) {
                    removed.add("Removed " + leftover.getFileName() + ", left by a save that was cut short.");
                }
            }
        } catch (IOException e) {
            throw new RunFolderException(
                    parent() + ": cannot clear what an interrupted save left there (" + e.getMessage() + ").", e);
        }
        return removed;
    }

    private boolean isLeftover(Path sibling) {
        String name = sibling.getFileName().toString();
        return Files.isDirectory(sibling) && (name.startsWith(hidden(PARTIAL)) || name.startsWith(hidden(REPLACED)));
    }

    /** Deletes a run folder's own files, and the folder if nothing else is left in it. */
    private static void deleteRun(Path run) throws IOException {
        if (!foreignEntries(run).isEmpty()) {
            return;
        }
        Path model = run.resolve(MODEL);
        if (Files.isDirectory(model)) {
            try (Stream<Path> files = Files.list(model)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(model);
        }
        Files.deleteIfExists(run.resolve(METRICS));
        Files.deleteIfExists(run.resolve(SETTINGS));
        deleteIfEmpty(run);
    }

    /** What a folder holds beyond a run's files, as paths relative to it; empty for a run folder. */
    private static List<String> foreignEntries(Path run) throws IOException {
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> entries = Files.list(run)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (!RUN_ENTRIES.contains(name)) {
                    foreign.add(name);
                } else if (name.equals(MODEL)) {
                    if (!Files.isDirectory(entry)) {
                        foreign.add(name);
                        continue;
                    }
                    try (Stream<Path> files = Files.list(entry)) {
                        files.map(f -> f.getFileName().toString())
                                .filter(f -> !ModelBundle.isOwnFile(f))
                                .sorted()
                                .forEach(f -> foreign.add(MODEL + "/" + f));
                    }
                }
            }
        }
        return foreign;
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteIfEmpty(Path directory) throws IOException {
        if (Files.isDirectory(directory) && isEmpty(directory)) {
            Files.delete(directory);
        }
    }

    private Path parent() {
        return folder.getParent();
    }

    /** The prefix of a hidden sibling of this run folder, e.g. {@code .digits.partial-}. */
    private String hidden(String kind) {
        return "." + folder.getFileName() + kind;
    }
}
