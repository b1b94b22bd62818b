package org.layerlab.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writes files and folders through a temporary sibling and a move, so readers never see half of one. */
public final class AtomicFiles {

    private AtomicFiles() {}

    public static void writeString(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            shareReadable(temporary, "rw-r--r--");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A fresh temporary folder beside {@code target}, to be filled and then passed to {@link #replaceFolder}. */
    public static Path temporaryFolderFor(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return temporaryFolderIn(parent, "." + target.getFileName() + "-");
    }

    /** A fresh folder in {@code parent} whose name starts with {@code prefix}, as readable as the user's own. */
    static Path temporaryFolderIn(Path parent, String prefix) throws IOException {
        Path folder = Files.createTempDirectory(parent, prefix);
        shareReadable(folder, "rwxr-xr-x");
        return folder;
    }

    /** Temporary files are private by default; what LayerLab saves is as readable as any file the user makes. */
    private static void shareReadable(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    /** Moves a completed temporary folder to {@code target}, replacing what was there. */
    public static void replaceFolder(Path temporary, Path target) throws IOException {
        if (Files.exists(target)) {
            deleteTree(target);
        }
        move(temporary, target);
    }

    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
