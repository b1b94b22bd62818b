package org.layerlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure an output folder can be written before any long work starts. */
final class OutputFolder {

    private OutputFolder() {}

    static Path prepare(Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
            Files.delete(probe);
            return folder;
        } catch (IOException | SecurityException e) {
            throw new UserError(
                    folder + ": cannot write there (" + reason(e) + "); choose another --out folder "
                            + "that you can write to.",
                    e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        return e.getMessage();
    }
}
