package org.layerlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tables from European spreadsheets write decimals with a comma: 14,23. Tablesaw takes that comma for a
 * thousands separator and reads 1423, so such columns are found while the file is checked line by line,
 * read as text and converted afterwards. In a semicolon-separated file every digits,digits cell is a
 * decimal; in a comma- or tab-separated file only cells that cannot be thousands (14,23 but not 1,234)
 * make a column decimal, and a column of thousands alone is read as thousands with a note. A column that
 * mixes decimal commas with decimal points or words cannot be read safely and is refused with the lines to
 * look at.
 */
final class DecimalCommas {
    private static final Pattern COMMA_DECIMAL = Pattern.compile("-?\\d+,\\d+");
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+");

    /** A cell and the line of the file it is on. */
    private record Cell(String text, int line) {
        @Override
        public String toString() {
            return "'" + TextFiles.excerpt(text) + "' on line " + line;
        }
    }

    /** What one column's cells look like so far: how many of each kind, and the first of each. */
    private static final class ColumnCells {
        int commas;
        boolean onlyThousands = true;
        int numbers;
        int present;
        Cell firstComma;
        Cell firstPoint;
        Cell firstWord;
    }

    private final Path file;
    private final List<String> names;
    private final boolean semicolons;
    private final List<ColumnCells> columns = new ArrayList<>();
    private final List<String> thousands = new ArrayList<>();

    /** {@code semicolons}: the file is separated by semicolons, so a comma in a number is a decimal mark. */
    DecimalCommas(Path file, List<String> header, boolean semicolons) {
        this.file = file;
        this.names = header;
        this.semicolons = semicolons;
        header.forEach(name -> columns.add(new ColumnCells()));
    }

    void add(List<String> cells, int line) {
        for (int c = 0; c < Math.min(cells.size(), columns.size()); c++) {
            String cell = cells.get(c).strip();
            if (TableReader.MISSING.contains(cell)) {
                continue;
            }
            ColumnCells column = columns.get(c);
            column.present++;
            Cell where = new Cell(cell, line);
            if (COMMA_DECIMAL.matcher(cell).matches()) {
                column.commas++;
                column.onlyThousands &= THOUSANDS.matcher(cell).matches();
                column.numbers++;
                column.firstComma = column.firstComma == null ? where : column.firstComma;
            } else if (WHOLE.matcher(cell).matches()) {
                column.numbers++;
            } else if (TableColumns.isNumber(cell)) {
                column.numbers++;
                column.firstPoint = column.firstPoint == null ? where : column.firstPoint;
            } else {
                column.firstWord = column.firstWord == null ? where : column.firstWord;
            }
        }
    }

    /** The positions of the columns to read as decimal-comma numbers; refuses a column it cannot decide. */
    List<Integer> columns() throws DataLoadException {
        List<Integer> found = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            ColumnCells column = columns.get(c);
            if (column.commas == 0) {
                continue;
            }
            if (!semicolons && column.onlyThousands) {
                thousands.add(names.get(c));
                continue;
            }
            String where = file + ", column '" + names.get(c) + "': ";
            if (column.firstPoint != null) {
                throw new DataLoadException(where + "mixes decimal commas (" + column.firstComma + ") and decimal "
                        + "points (" + column.firstPoint + "), so its numbers cannot be read safely; write all of "
                        + "them with the same decimal mark.");
            }
            if (column.firstWord == null) {
                found.add(c);
            } else if (column.numbers >= 0.8 * column.present) {
                Cell word = column.firstWord;
                throw new DataLoadException(file + " line " + word.line() + ", column '" + names.get(c) + "': '"
                        + TextFiles.excerpt(word.text())
                        + "' is not a number, but the column holds numbers with decimal commas ("
                        + column.firstComma + "); fix the value or remove the row.");
            }
            // Otherwise a text column in which a few cells happen to look like 3,5: it stays text.
        }
        return found;
    }

    /** The notes that tell the student which columns were converted and which read as thousands. */
    List<String> notes(List<Integer> converted) {
        List<String> notes = new ArrayList<>();
        if (!converted.isEmpty()) {
            notes.add(file.getFileName() + ": read decimal commas as decimal points (14,23 as 14.23) in "
                    + columnList(converted.stream().map(names::get).toList()) + ".");
        }
        if (!thousands.isEmpty()) {
            notes.add(file.getFileName() + ": read commas as thousands separators (1,234 as 1234) in "
                    + columnList(thousands) + "; if they are decimal marks, save the file with decimal points.");
        }
        return notes;
    }

    private static String columnList(List<String> columnNames) {
        return (columnNames.size() == 1 ? "column " : "columns ") + String.join(", ", columnNames);
    }

    /** Replaces the named text columns of {@code table} by the numbers they hold. */
    static void convert(Path file, Table table, List<String> converted) throws DataLoadException {
        for (String name : converted) {
            Column<?> text = table.columns().stream()
                    .filter(column -> column.name().strip().equals(name) && column instanceof StringColumn)
                    .findFirst()
                    .orElseThrow(() -> new DataLoadException(file + ", column '" + name + "': holds decimal "
                            + "commas but could not be read as text to convert them; save the file with decimal "
                            + "points instead."));
            DoubleColumn numbers = DoubleColumn.create(text.name());
            for (int row = 0; row < text.size(); row++) {
                String cell = text.getString(row).strip();
                if (text.isMissing(row) || TableReader.MISSING.contains(cell)) {
                    numbers.appendMissing();
                } else {
                    numbers.append(Double.parseDouble(cell.replace(',', '.')));
                }
            }
            table.replaceColumn(text.name(), numbers);
        }
    }
}
