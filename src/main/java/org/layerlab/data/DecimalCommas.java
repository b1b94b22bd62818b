package org.layerlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tables from European spreadsheets write decimals with a comma: 14,23. Read as a number, that comma would
 * be a thousands separator (1423), so such columns are found while the file is checked record by record and
 * their commas read as decimal points. In a semicolon-separated file every digits,digits cell is a
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

    /** A cell of digits only (42, -7): a number that cannot be a decimal comma. */
    void addWhole(int c) {
        ColumnCells column = columns.get(c);
        column.present++;
        column.numbers++;
    }

    /** A cell of digits with a decimal point; its text is read only if it is the column's first such cell. */
    void addPoint(int c, CsvRecords record, int cell) {
        ColumnCells column = columns.get(c);
        column.present++;
        column.numbers++;
        if (column.firstPoint == null) {
            column.firstPoint = new Cell(record.text(cell), record.line());
        }
    }

    /** Any other cell, already stripped: a missing-value mark, a number with a comma, a word... */
    void add(int c, String cell, int line) {
        if (TableReader.MISSING.contains(cell)) {
            return;
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
}
