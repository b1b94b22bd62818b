package org.layerlab.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The first rows of a table and a line of statistics per column, for the data screen. */
public record TablePreview(List<String> columns, List<List<String>> rows, List<ColumnStats> stats, int rowCount) {

    /** "number" columns have min/mean/max; "text" columns the number of distinct values. */
    public record ColumnStats(String name, String type, int missing, String summary) {}

    /** The preview of a table already read for loading, so that the file is not read again for it. */
    static TablePreview of(DataTable table, int maxRows) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(maxRows, table.rowCount()); r++) {
            List<String> row = new ArrayList<>();
            for (DataColumn column : table.columns()) {
                row.add(column.isMissing(r) ? "" : column.getString(r));
            }
            rows.add(row);
        }
        List<ColumnStats> stats = new ArrayList<>();
        for (DataColumn column : table.columns()) {
            stats.add(stats(column));
        }
        return new TablePreview(table.columnNames(), rows, stats, table.rowCount());
    }

    private static ColumnStats stats(DataColumn column) {
        int missing = 0;
        for (int r = 0; r < column.size(); r++) {
            missing += column.isMissing(r) ? 1 : 0;
        }
        if (column instanceof NumberColumn numbers) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (int r = 0; r < numbers.size(); r++) {
                if (!numbers.isMissing(r)) {
                    double v = numbers.getDouble(r);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    n++;
                }
            }
            String summary =
                    n == 0 ? "empty" : String.format(Locale.ROOT, "min %.3g · mean %.3g · max %.3g", min, sum / n, max);
            return new ColumnStats(column.name(), "number", missing, summary);
        }
        Set<String> distinct = new HashSet<>();
        for (int r = 0; r < column.size(); r++) {
            if (!column.isMissing(r)) {
                distinct.add(column.getString(r));
            }
        }
        return new ColumnStats(column.name(), "text", missing, distinct.size() + " different values");
    }
}
