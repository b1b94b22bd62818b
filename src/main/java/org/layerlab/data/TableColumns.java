package org.layerlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The checks and look-ups on table columns that the CSV and text loaders share. */
final class TableColumns {

    private TableColumns() {}

    /** The column called {@code requested}, found whatever its case. */
    static String named(Path file, List<String> names, String requested) throws DataLoadException {
        for (String name : names) {
            if (name.equalsIgnoreCase(requested)) {
                return name;
            }
        }
        throw new DataLoadException(file + ": has no column '" + requested + "'; its columns are "
                + String.join(", ", names) + ". Choose one of them as the label.");
    }

    /** A cell as text; whole numbers without ".0" so that labels 1 and 1.0 are the same class. */
    static String cell(DataColumn column, int row) {
        return column.getString(row).trim();
    }

    /** The class of each of {@code rows}, as an index into {@code classNames}, for splitting by class. */
    static int[] classesOf(DataColumn label, List<Integer> rows, List<String> classNames) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            index.put(classNames.get(i), i);
        }
        int[] classes = new int[rows.size()];
        for (int r = 0; r < classes.length; r++) {
            classes[r] = index.get(cell(label, rows.get(r)));
        }
        return classes;
    }

    /**
     * The rows to use: rows with a missing label are always left out; rows with a missing feature are left
     * out or kept (and filled later) as asked. Tells the student what happened in {@code notes}.
     */
    static List<Integer> usableRows(
            Path file,
            DataTable table,
            String label,
            List<String> features,
            MissingValues missing,
            List<String> notes) {
        List<Integer> rows = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        int filled = 0;
        DataColumn labelColumn = table.column(label);
        // Column by column, so that each column's cells are read in order (row by row jumps between arrays).
        boolean[] featureMissing = new boolean[table.rowCount()];
        for (String name : features) {
            DataColumn column = table.column(name);
            for (int row = 0; row < featureMissing.length; row++) {
                featureMissing[row] |= column.isMissing(row);
            }
        }
        for (int row = 0; row < table.rowCount(); row++) {
            if (labelColumn.isMissing(row) || (featureMissing[row] && missing == MissingValues.DROP)) {
                dropped.add(row);
            } else {
                rows.add(row);
                filled += featureMissing[row] ? 1 : 0;
            }
        }
        if (!dropped.isEmpty()) {
            notes.add("Left out " + dropped.size() + " of " + table.rowCount() + " rows of " + file.getFileName()
                    + " with missing values (lines " + lines(table, dropped) + ").");
        }
        if (filled > 0) {
            notes.add("Filled missing values in " + filled + " rows with the training mean (numbers) or no "
                    + "category (text).");
        }
        return rows;
    }

    private static String lines(DataTable table, List<Integer> rows) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(5, rows.size()); i++) {
            text.append(i == 0 ? "" : ", ").append(table.line(rows.get(i)));
        }
        return rows.size() > 5 ? text + ", …" : text.toString();
    }

    /** Class names in a natural order: numerically when all labels are numbers, else alphabetically. */
    static List<String> classNames(DataColumn column, List<Integer> rows) {
        TreeSet<String> names = new TreeSet<>();
        for (int row : rows) {
            names.add(cell(column, row));
        }
        List<String> sorted = new ArrayList<>(names);
        if (sorted.stream().allMatch(TableColumns::isNumber)) {
            sorted.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        return sorted;
    }

    /** The categories of a text column among the training rows, most frequent first. */
    static List<String> levels(DataColumn column, int[] trainRows) {
        Map<String, Integer> counts = new HashMap<>();
        for (int row : trainRows) {
            if (!column.isMissing(row)) {
                counts.merge(cell(column, row), 1, Integer::sum);
            }
        }
        List<String> levels = new ArrayList<>(counts.keySet());
        levels.sort(Comparator.comparing((String l) -> -counts.get(l)).thenComparing(Comparator.naturalOrder()));
        return levels;
    }

    /**
     * A text column whose values are mostly numbers is a number column with a typo: name the first cell that
     * is not a number rather than treating the whole column as categories.
     */
    static void rejectMostlyNumeric(Path file, DataTable table, DataColumn column) throws DataLoadException {
        int numbers = 0;
        int present = 0;
        int firstBad = -1;
        for (int row = 0; row < column.size(); row++) {
            if (column.isMissing(row)) {
                continue;
            }
            present++;
            if (isNumber(column.getString(row).trim())) {
                numbers++;
            } else if (firstBad < 0) {
                firstBad = row;
            }
        }
        if (present > 0 && firstBad >= 0 && numbers >= 0.8 * present) {
            throw new DataLoadException(file + " line " + table.line(firstBad) + ", column '" + column.name() + "': '"
                    + TextFiles.excerpt(column.getString(firstBad))
                    + "' is not a number, but the column holds numbers; fix the value "
                    + "or remove the row.");
        }
    }

    static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
