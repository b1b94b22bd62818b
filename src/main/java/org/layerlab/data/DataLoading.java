package org.layerlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.layerlab.core.data.Dataset;

/** The one entry point for loading data: resolves samples, picks a loader and reports failures clearly. */
public final class DataLoading {

    /** A dataset and, when it was read from a table file, that table's first rows and column statistics. */
    public record Loaded(Dataset dataset, Optional<TablePreview> preview) {}

    /** {@code previewRows} for no preview at all: its column statistics read the whole table. */
    private static final int NO_PREVIEW = -1;

    private DataLoading() {}

    public static Dataset load(DataRequest request) throws DataLoadException {
        return load(request, NO_PREVIEW, LoadProgress.NONE).dataset();
    }

    /**
     * Loads as {@link #load(DataRequest)} does and previews the table it read (up to {@code previewRows}
     * rows), telling {@code progress} how many rows of a table have been read.
     */
    public static Loaded load(DataRequest request, int previewRows, LoadProgress progress) throws DataLoadException {
        String source = request.source();
        if (source == null || source.isBlank()) {
            throw new DataLoadException("No data given; name a file, a folder or a sample such as sample:mnist.");
        }
        if (source.regionMatches(true, 0, SampleCatalog.PREFIX, 0, SampleCatalog.PREFIX.length())) {
            return loadSample(source.substring(SampleCatalog.PREFIX.length()), request, previewRows, progress);
        }
        Path path = Path.of(source);
        if (!Files.exists(path)) {
            throw new DataLoadException(path + ": no such file or folder; check the path (samples are written "
                    + "sample:NAME, e.g. sample:iris).");
        }
        DataFormat format = request.format() == DataFormat.AUTO ? detect(path, request) : request.format();
        try {
            if (format == DataFormat.IDX) {
                return new Loaded(IdxLoader.load(path, request.split()), Optional.empty());
            }
            if (format == DataFormat.IMAGES) {
                return new Loaded(ImageFolderLoader.load(path, request), Optional.empty());
            }
            // A table is read once: to tell sentences from measurements, to load it and to preview it.
            List<String> readNotes = new ArrayList<>();
            DataTable table = TableReader.read(path, readNotes, progress);
            boolean text = format == DataFormat.TEXT || (format == DataFormat.AUTO && TextSniffer.looksLikeText(table));
            Dataset dataset = text
                    ? TextLoader.load(path, table, readNotes, null, request)
                    : CsvLoader.load(path, table, readNotes, request);
            return new Loaded(dataset, preview(table, previewRows));
        } catch (OutOfMemoryError e) {
            throw new DataLoadException(path + ": is too large for the memory LayerLab may use; use a smaller "
                    + "dataset or start LayerLab with a larger -Xmx.");
        }
    }

    private static Loaded loadSample(String name, DataRequest request, int previewRows, LoadProgress progress)
            throws DataLoadException {
        SampleCatalog.Sample sample = SampleCatalog.find(name)
                .orElseThrow(() -> new DataLoadException("There is no sample '" + name + "'; the samples are "
                        + String.join(
                                ", ",
                                SampleCatalog.all().stream()
                                        .map(SampleCatalog.Sample::name)
                                        .toList()) + "."));
        Path root = SampleCatalog.root();
        Path path = root.resolve(sample.path());
        DataRequest resolved = request.withSource(path.toString())
                .withFormat(sample.format())
                .withLabelColumn(request.labelColumn() != null ? request.labelColumn() : sample.labelColumn())
                .withTextColumn(request.textColumn() != null ? request.textColumn() : sample.textColumn());
        if (sample.testPath() != null) {
            List<String> readNotes = new ArrayList<>();
            DataTable table = TableReader.read(path, readNotes, progress);
            Dataset dataset = TextLoader.load(path, table, readNotes, root.resolve(sample.testPath()), resolved);
            return new Loaded(dataset, preview(table, previewRows));
        }
        return load(resolved, previewRows, progress);
    }

    /**
     * A folder of IDX files or of class folders; TEXT when a text column was named; AUTO for any other
     * file, which is a table whose columns decide between sentences and measurements.
     */
    private static DataFormat detect(Path path, DataRequest request) throws DataLoadException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                boolean idx = files.anyMatch(
                        f -> f.getFileName().toString().toLowerCase(Locale.ROOT).contains("idx"));
                return idx ? DataFormat.IDX : DataFormat.IMAGES;
            } catch (IOException e) {
                throw new DataLoadException(path + ": cannot be listed (" + e.getMessage() + ").", e);
            }
        }
        if (request.textColumn() != null) {
            return DataFormat.TEXT;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("idx")) {
            throw new DataLoadException(
                    path + ": is a single IDX file; choose the folder that holds the images and " + "labels files.");
        }
        return DataFormat.AUTO;
    }

    private static Optional<TablePreview> preview(DataTable table, int previewRows) {
        return previewRows == NO_PREVIEW ? Optional.empty() : Optional.of(TablePreview.of(table, previewRows));
    }
}
