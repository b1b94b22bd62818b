package org.layerlab.export;

import java.io.IOException;
import java.nio.file.Path;

/** Writes one export format. */
interface Exporter {

    /**
     * Writes the export into {@code folder}, an empty temporary folder, under the file names
     * {@link Exports} moves into place: for a folder format anything; for a file format the files named
     * after {@code baseName} (e.g. baseName + ".onnx" and baseName + ".json").
     */
    void write(ExportSource source, Path folder, String baseName) throws IOException, ExportException;
}
