package org.layerlab.core.project;

/**
 * Where a project's data comes from and how it is read: a path or sample:NAME, a format name (auto, csv,
 * text, idx, images), the label and text columns (null = chosen by the loader), image size (0 = as is).
 */
public record DataSettings(
        String source,
        String format,
        String labelColumn,
        String textColumn,
        int imageSize,
        boolean grey,
        boolean fillMissing,
        double testFraction) {

    public static DataSettings sample(String name) {
        return new DataSettings("sample:" + name, "auto", null, null, 0, false, false, 0.2);
    }

    public DataSettings withLabelColumn(String column) {
        return new DataSettings(source, format, column, textColumn, imageSize, grey, fillMissing, testFraction);
    }
}
