package org.layerlab.data;

import org.layerlab.core.data.Split;

/**
 * What to load and how. {@code source} is a path or a bundled sample such as {@code sample:iris}.
 * {@code labelColumn} and {@code textColumn} may be null: the loader then picks (the last column, the
 * column of sentences). {@code imageSize} 0 keeps the images' own size; {@code grey} reads images as one
 * channel.
 */
public record DataRequest(
        String source,
        DataFormat format,
        String labelColumn,
        String textColumn,
        int imageSize,
        boolean grey,
        MissingValues missing,
        Split split) {

    public static DataRequest of(String source) {
        return new DataRequest(source, DataFormat.AUTO, null, null, 0, false, MissingValues.DROP, Split.DEFAULT);
    }

    public DataRequest withSource(String value) {
        return new DataRequest(value, format, labelColumn, textColumn, imageSize, grey, missing, split);
    }

    public DataRequest withFormat(DataFormat value) {
        return new DataRequest(source, value, labelColumn, textColumn, imageSize, grey, missing, split);
    }

    public DataRequest withLabelColumn(String value) {
        return new DataRequest(source, format, value, textColumn, imageSize, grey, missing, split);
    }

    public DataRequest withTextColumn(String value) {
        return new DataRequest(source, format, labelColumn, value, imageSize, grey, missing, split);
    }

    public DataRequest withImages(int size, boolean asGrey) {
        return new DataRequest(source, format, labelColumn, textColumn, size, asGrey, missing, split);
    }

    public DataRequest withMissing(MissingValues value) {
        return new DataRequest(source, format, labelColumn, textColumn, imageSize, grey, value, split);
    }

    public DataRequest withSplit(Split value) {
        return new DataRequest(source, format, labelColumn, textColumn, imageSize, grey, missing, value);
    }
}
