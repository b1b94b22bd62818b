package org.layerlab.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.layerlab.files.AtomicFiles;

/**
 * Writes an export all or nothing: into a temporary folder beside the target first, then moved into place.
 * An existing target is refused unless {@code overwrite}, and an unwritable place is named.
 */
public final class Exports {

    private Exports() {}

    /** Writes {@code format} to {@code target} and returns the files and folders it made there. */
    public static List<Path> write(ExportFormat format, ExportSource source, Path target, boolean overwrite)
            throws IOException, ExportException {
        Path absolute = target.toAbsolutePath().normalize();
        String baseName = baseName(format, absolute);
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new ExportException(
                    parent + " cannot be created (" + e.getMessage() + "); choose another folder.", e);
        }
        if (!Files.isWritable(parent)) {
            throw new ExportException(parent + " is not writable; choose another folder.");
        }
        Path temporary;
        try {
            temporary = AtomicFiles.temporaryFolderFor(absolute);
        } catch (IOException e) {
            throw new ExportException(parent + " is not writable (" + e.getMessage() + "); choose another folder.", e);
        }
        try {
            exporter(format).write(source, temporary, baseName);
            List<Path> made = placed(format, temporary, absolute);
            for (Path path : made) {
                if (Files.exists(path) && !overwrite) {
                    throw ExportException.exists(path);
                }
            }
            move(format, temporary, absolute);
            return made;
        } finally {
            AtomicFiles.deleteTree(temporary);
        }
    }

    private static Exporter exporter(ExportFormat format) {
        return switch (format) {
            case ONNX -> new OnnxExporter();
            case PYTORCH -> new PyTorchExporter();
            case KERAS -> new KerasExporter();
            case REPORT -> new ReportExporter();
        };
    }

    private static boolean isFolder(ExportFormat format) {
        return format == ExportFormat.PYTORCH || format == ExportFormat.KERAS;
    }

    /** The name files of a file format are called by: "digits" for digits.onnx. */
    private static String baseName(ExportFormat format, Path target) {
        String name = target.getFileName().toString();
        if (isFolder(format)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Where the written files will be: the folder itself, or each file beside the target. */
    private static List<Path> placed(ExportFormat format, Path temporary, Path target) throws IOException {
        if (isFolder(format)) {
            return List.of(target);
        }
        List<Path> made = new ArrayList<>();
        try (Stream<Path> files = Files.list(temporary)) {
            files.sorted().forEach(f -> made.add(target.resolveSibling(f.getFileName())));
        }
        return made;
    }

    private static void move(ExportFormat format, Path temporary, Path target) throws IOException {
        if (isFolder(format)) {
            AtomicFiles.replaceFolder(temporary, target);
            return;
        }
        try (Stream<Path> files = Files.list(temporary)) {
            for (Path file : files.toList()) {
                Files.move(
                        file,
                        target.resolveSibling(file.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
