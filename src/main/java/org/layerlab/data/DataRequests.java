package org.layerlab.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.layerlab.core.data.Split;
import org.layerlab.core.project.DataSettings;

/** Converts a project's data settings into a loader request, and finds the table file behind them. */
public final class DataRequests {

    private DataRequests() {}

    public static DataRequest from(DataSettings settings, double validationFraction, long seed) {
        DataFormat format;
        try {
            format = DataFormat.valueOf(settings.format().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            format = DataFormat.AUTO;
        }
        return DataRequest.of(settings.source())
                .withFormat(format)
                .withLabelColumn(settings.labelColumn())
                .withTextColumn(settings.textColumn())
                .withImages(settings.imageSize(), settings.grey())
                .withMissing(settings.fillMissing() ? MissingValues.FILL : MissingValues.DROP)
                .withSplit(new Split(validationFraction, settings.testFraction(), seed));
    }

    /** The CSV/TSV file a source reads, if it is a table: for samples, the file inside sample-data. */
    public static Optional<Path> tableFile(String source) {
        try {
            Path path;
            if (source.regionMatches(true, 0, SampleCatalog.PREFIX, 0, SampleCatalog.PREFIX.length())) {
                Optional<SampleCatalog.Sample> sample =
                        SampleCatalog.find(source.substring(SampleCatalog.PREFIX.length()));
                if (sample.isEmpty()
                        || sample.get().format() == DataFormat.IDX
                        || sample.get().format() == DataFormat.IMAGES) {
                    return Optional.empty();
                }
                path = SampleCatalog.root().resolve(sample.get().path());
            } else {
                path = Path.of(source);
            }
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean table = name.endsWith(".csv")
                    || name.endsWith(".tsv")
                    || name.endsWith(".csv.gz")
                    || name.endsWith(".tsv.gz")
                    || name.endsWith(".txt");
            return table && path.toFile().isFile() ? Optional.of(path) : Optional.empty();
        } catch (DataLoadException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
