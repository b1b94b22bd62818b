package org.layerlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a CSV or TSV file (optionally gzip-compressed) into a Tablesaw table. Before Tablesaw sees it, the
 * file is checked line by line for rows with the wrong number of cells, so that the student is told the
 * line to fix rather than a parser's internal error.
 */
final class TableReader {
    private static final List<ColumnType> DETECTED =
            List.of(ColumnType.INTEGER, ColumnType.LONG, ColumnType.DOUBLE, ColumnType.STRING);
    /** Cells that mean "no value". */
    static final Set<String> MISSING = Set.of("", "NA", "N/A", "NaN", "?");

    private TableReader() {}

    /** Reads {@code file}; {@code notes} is told of anything read other than as written (decimal commas). */
    static Table read(Path file, List<String> notes) throws DataLoadException {
        if (!Files.isRegularFile(file)) {
            throw new DataLoadException(file + ": no such file; check the path.");
        }
        refuseBinary(file);
        char separator = separatorOf(file);
        boolean tabs = separator == '\t';
        DecimalCommaColumns commas = checkRows(file, separator, tabs);
        try (Reader reader = TextFiles.open(file)) {
            CsvReadOptions.Builder options = CsvReadOptions.builder(reader)
                    .separator(separator)
                    .header(true)
                    .columnTypesToDetect(DETECTED)
                    .maxCharsPerColumn(100_000)
                    .missingValueIndicator(MISSING.toArray(String[]::new))
                    .sample(false);
            // Decimal-comma columns are read as text, so that Tablesaw cannot take 14,23 for 1423.
            options.columnTypesPartial(
                    name -> commas.names().contains(name.strip()) ? Optional.of(ColumnType.STRING) : Optional.empty());
            if (tabs) {
                // Tab-separated text files are written without quoting; a quote is part of a sentence.
                options.quoteChar('\u0000');
            }
            Table table = Table.read().usingOptions(options);
            if (table.rowCount() == 0) {
                throw new DataLoadException(file + ": has a header but no data rows; add rows below the header.");
            }
            DecimalCommas.convert(file, table, commas.names());
            notes.addAll(commas.notes());
            return table;
        } catch (IOException e) {
            throw new DataLoadException(file + ": cannot be read (" + e.getMessage() + ").", e);
        } catch (RuntimeException e) {
            throw new DataLoadException(
                    file + ": is not a readable CSV file (" + TextFiles.excerpt(firstLine(e.getMessage()))
                            + "); check that it is comma- or tab-separated text with a header row.",
                    e);
        }
    }

    /** The decimal-comma columns of a file (by header name) and the notes on how commas were read. */
    private record DecimalCommaColumns(List<String> names, List<String> notes) {}

    /**
     * Every line must have as many cells as the header; a quoted cell may hold the separator. The cells are
     * also looked at for decimal commas.
     */
    private static DecimalCommaColumns checkRows(Path file, char separator, boolean ignoreQuotes)
            throws DataLoadException {
        try (BufferedReader lines = new BufferedReader(TextFiles.open(file))) {
            String header = lines.readLine();
            if (header == null || header.isBlank()) {
                throw new DataLoadException(file + ": is empty; a CSV file needs a header row and data rows.");
            }
            List<String> names = cells(header, separator, ignoreQuotes).stream()
                    .map(String::strip)
                    .toList();
            DecimalCommas commas = new DecimalCommas(file, names, separator == ';');
            int expected = names.size();
            String line;
            int number = 1;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = cells(line, separator, ignoreQuotes);
                if (cells.size() != expected) {
                    throw new DataLoadException(file + " line " + number + ": has " + cells.size() + " cells but the "
                            + "header has " + expected + "; fix or remove that line.");
                }
                commas.add(cells, number);
            }
            List<Integer> columns = commas.columns();
            return new DecimalCommaColumns(columns.stream().map(names::get).toList(), commas.notes(columns));
        } catch (IOException e) {
            throw new DataLoadException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /** The cells of a line, without the quotes around them. */
    private static List<String> cells(String line, char separator, boolean ignoreQuotes) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && !ignoreQuotes) {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
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

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
