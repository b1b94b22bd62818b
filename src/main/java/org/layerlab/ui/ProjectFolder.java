package org.layerlab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.layerlab.core.data.Dataset;
import org.layerlab.files.ProjectFile;

/**
 * Where the project dialogs start: the open project's folder, else a LayerLab folder in the user's home
 * (made on first use), so that projects do not end up wherever the last dialog of another program was.
 */
final class ProjectFolder {
    private ProjectFolder() {}

    static Path initial(Path projectFile) {
        if (projectFile != null
                && Files.isDirectory(projectFile.toAbsolutePath().getParent())) {
            return projectFile.toAbsolutePath().getParent();
        }
        Path folder = Path.of(System.getProperty("user.home"), "LayerLab");
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            return Path.of(System.getProperty("user.home"));
        }
    }

    /** The project's own name, else one after its data ("iris.layerlab"), else "my-network.layerlab". */
    static String suggestedName(Path projectFile, Dataset data) {
        if (projectFile != null) {
            return projectFile.getFileName().toString();
        }
        String base = data == null ? "my-network" : data.name().replaceFirst("\\.[A-Za-z0-9]+$", "");
        String safe = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return (safe.isBlank() ? "my-network" : safe) + ProjectFile.EXTENSION;
    }
}
