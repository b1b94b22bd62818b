package org.layerlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a CSV or TSV file (optionally gzip-compressed) into a {@link DataTable}, keeping no more than one
 * record of the file in memory. One pass checks every record (its cell count, so that the student is told the
 * line to fix; decimal commas), decides each column's type and reads the numbers, as doubles, straight into
 * their columns. Only when some column turns out to hold text or decimal commas is the file read a second
 * time, for those columns alone.
 */
final class TableReader {
    /** Cells that mean "no value". */
    static final Set<String> MISSING = Set.of("", "NA", "N/A", "NaN", "?");

    private static final int REPORT_EVERY = 2048;

    /** How a column's cells are read. */
    private enum ColumnType {
        NUMBERS,
        /** Numbers written with a decimal comma (14,23). */
        DECIMAL_COMMAS,
        TEXT
    }

    /**
     * What the first pass found: the header, each row's line, each column's type, the numbers of the
     * NUMBERS columns (null for the others) and the notes on decimal commas.
     */
    private record FirstPass(
            List<String> names, int[] lines, ColumnType[] types, NumberColumn.Builder[] numbers, List<String> notes) {
        int rows() {
            return lines.length;
        }
    }

    private TableReader() {}

    /** Reads {@code file}; {@code notes} is told of anything read other than as written (decimal commas). */
    static DataTable read(Path file, List<String> notes) throws DataLoadException {
        return read(file, notes, LoadProgress.NONE);
    }

    /** As {@link #read(Path, List)}, telling {@code progress} how many rows have been read. */
    static DataTable read(Path file, List<String> notes, LoadProgress progress) throws DataLoadException {
        if (!Files.isRegularFile(file)) {
            throw new DataLoadException(file + ": no such file; check the path.");
        }
        refuseBinary(file);
        char separator = separatorOf(file);
        try {
            FirstPass first = firstPass(file, separator, progress);
            if (first.rows() == 0) {
                throw new DataLoadException(file + ": has a header but no data rows; add rows below the header.");
            }
            DataColumn[] columns = new DataColumn[first.names().size()];
            for (int c = 0; c < columns.length; c++) {
                if (first.types()[c] == ColumnType.NUMBERS) {
                    columns[c] = first.numbers()[c].build(first.names().get(c));
                }
            }
            if (Arrays.asList(columns).contains(null)) {
                readOthers(file, separator, first, columns, progress);
            }
            notes.addAll(first.notes());
            return new DataTable(Arrays.asList(columns), first.lines());
        } catch (IOException e) {
            throw new DataLoadException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static CsvRecords records(Path file, char separator) throws IOException {
        // Tab-separated text files are written without quoting; a quote is part of a sentence.
        return new CsvRecords(file, TextFiles.open(file), separator, separator != '\t');
    }

    /**
     * Every record must have as many cells as the header. Columns are read as numbers until a cell that is
     * not one shows them to be text; decimal commas are looked for along the way.
     */
    private static FirstPass firstPass(Path file, char separator, LoadProgress progress)
            throws IOException, DataLoadException {
        try (CsvRecords records = records(file, separator)) {
            if (!records.next()) {
                throw new DataLoadException(file + ": is empty; a CSV file needs a header row and data rows.");
            }
            List<String> names = header(file, records);
            int width = names.size();
            DecimalCommas commas = new DecimalCommas(file, names, separator == ';');
            NumberCells cells = new NumberCells();
            NumberColumn.Builder[] numbers = new NumberColumn.Builder[width];
            Arrays.setAll(numbers, c -> new NumberColumn.Builder());
            int[] lines = new int[1024];
            int rows = 0;
            while (records.next()) {
                if (records.size() != width) {
                    throw new DataLoadException(file + " line " + records.line() + ": has " + records.size()
                            + " cells but the header has " + width + "; fix or remove that line.");
                }
                for (int c = 0; c < width; c++) {
                    double number = cells.parse(records.chars(), records.start(c), records.end(c));
                    switch (cells.kind()) {
                        case WHOLE -> commas.addWhole(c);
                        case POINT -> commas.addPoint(c, records, c);
                        case OTHER -> {
                            String cell = records.text(c);
                            commas.add(c, cell, records.line());
                            if (Double.isNaN(number) && !MISSING.contains(cell)) {
                                numbers[c] = null; // text: read again in the second pass
                            }
                        }
                    }
                    if (numbers[c] != null) {
                        numbers[c].add(number);
                    }
                }
                if (rows == lines.length) {
                    lines = Arrays.copyOf(lines, rows * 2);
                }
                lines[rows++] = records.line();
                if (rows % REPORT_EVERY == 0) {
                    progress.update(rowsRead(file, rows), -1);
                }
            }
            List<Integer> commaColumns = commas.columns();
            ColumnType[] types = new ColumnType[width];
            for (int c = 0; c < width; c++) {
                types[c] = commaColumns.contains(c)
                        ? ColumnType.DECIMAL_COMMAS
                        : numbers[c] != null ? ColumnType.NUMBERS : ColumnType.TEXT;
            }
            progress.update(rowsRead(file, rows), 1);
            return new FirstPass(names, Arrays.copyOf(lines, rows), types, numbers, commas.notes(commaColumns));
        }
    }

    private static String rowsRead(Path file, int rows) {
        return String.format(Locale.ROOT, "Reading %s: %,d rows", file.getFileName(), rows);
    }

    /** The header's names, stripped; a blank one is called C and its position, as Tablesaw named it. */
    private static List<String> header(Path file, CsvRecords records) throws DataLoadException {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < records.size(); c++) {
            String name = records.text(c);
            name = name.isEmpty() ? "C" + c : name;
            if (names.contains(name)) {
                throw new DataLoadException(file + ": has two columns named '" + TextFiles.excerpt(name)
                        + "' in its header; give each column its own name.");
            }
            names.add(name);
        }
        return names;
    }

    /** The second pass: the cells of the text and decimal-comma columns (those still null in {@code columns}). */
    private static void readOthers(
            Path file, char separator, FirstPass first, DataColumn[] columns, LoadProgress progress)
            throws IOException, DataLoadException {
        int rows = first.rows();
        String[][] texts = new String[columns.length][];
        NumberColumn.Builder[] decimals = new NumberColumn.Builder[columns.length];
        for (int c = 0; c < columns.length; c++) {
            if (first.types()[c] == ColumnType.TEXT) {
                texts[c] = new String[rows];
            } else if (first.types()[c] == ColumnType.DECIMAL_COMMAS) {
                decimals[c] = new NumberColumn.Builder();
            }
        }
        try (CsvRecords records = records(file, separator)) {
            records.next();
            int row = 0;
            while (records.next()) {
                if (row == rows || records.size() != columns.length) {
                    throw new DataLoadException(file + ": changed while it was being read; load it again.");
                }
                for (int c = 0; c < columns.length; c++) {
                    if (texts[c] != null) {
                        String cell = records.text(c);
                        texts[c][row] = MISSING.contains(cell) ? null : cell;
                    } else if (decimals[c] != null) {
                        decimals[c].add(NumberCells.parseSlowly(records.text(c).replace(',', '.')));
                    }
                }
                if (++row % REPORT_EVERY == 0 || row == rows) {
                    String message = String.format(
                            Locale.ROOT, "Reading the text of %s: %,d of %,d rows", file.getFileName(), row, rows);
                    progress.update(message, (double) row / rows);
                }
            }
            if (row != rows) {
                throw new DataLoadException(file + ": changed while it was being read; load it again.");
            }
        }
        for (int c = 0; c < columns.length; c++) {
            String name = first.names().get(c);
            if (texts[c] != null) {
                columns[c] = new TextColumn(name, texts[c]);
            } else if (decimals[c] != null) {
                columns[c] = decimals[c].build(name);
            }
        }
    }

    private static char separatorOf(Path file) throws DataLoadException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tsv.gz")) {
            return '\t';
        }
        try (BufferedReader lines = new BufferedReader(TextFiles.open(file))) {
            String header = lines.readLine();
            if (header == null) {
                return ',';
            }
            long tabs = header.chars().filter(c -> c == '\t').count();
            long semicolons = header.chars().filter(c -> c == ';').count();
            long commas = header.chars().filter(c -> c == ',').count();
            if (tabs > commas && tabs >= semicolons) {
                return '\t';
            }
            return semicolons > commas ? ';' : ',';
        } catch (IOException e) {
            throw new DataLoadException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static void refuseBinary(Path file) throws DataLoadException {
        try {
            if (TextFiles.looksBinary(file)) {
                throw new DataLoadException(file + ": is not a text table (it looks like a binary file, such as an "
                        + "image); give a CSV or TSV file with a header row.");
            }
        } catch (IOException e) {
            throw new DataLoadException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }
}
