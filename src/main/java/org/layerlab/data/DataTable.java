package org.layerlab.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table read from a CSV or TSV file: its columns, each of numbers or of text, and the line of the file
 * each row starts on (a quoted cell may span lines, so a row's line is not simply its index plus 2).
 */
final class DataTable {
    private final List<DataColumn> columns;
    private final Map<String, DataColumn> byName = new HashMap<>();
    private final int[] lines;

    DataTable(List<DataColumn> columns, int[] lines) {
        this.columns = List.copyOf(columns);
        this.lines = lines;
        columns.forEach(column -> byName.put(column.name(), column));
    }

    List<DataColumn> columns() {
        return columns;
    }

    List<String> columnNames() {
        return columns.stream().map(DataColumn::name).toList();
    }

    /** The column with exactly this name (names are checked to be distinct when the file is read). */
    DataColumn column(String name) {
        DataColumn column = byName.get(name);
        if (column == null) {
            throw new IllegalArgumentException("no column " + name);
        }
        return column;
    }

    int rowCount() {
        return lines.length;
    }

    /** The line of the file on which {@code row} starts; the header is line 1. */
    int line(int row) {
        return lines[row];
    }
}
