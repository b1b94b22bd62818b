package org.layerlab.data;

/** A column of text; null marks a missing cell. */
final class TextColumn implements DataColumn {
    private final String name;
    private final String[] values;

    TextColumn(String name, String[] values) {
        this.name = name;
        this.values = values;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    @Override
    public String getString(int row) {
        return values[row] == null ? "" : values[row];
    }
}
