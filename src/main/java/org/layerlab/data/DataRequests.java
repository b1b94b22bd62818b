package org.layerlab.data;

import java.util.Locale;
import org.layerlab.core.data.Split;
import org.layerlab.core.project.DataSettings;

/** Converts a project's data settings into a loader request. */
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
}
