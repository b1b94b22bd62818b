package org.layerlab.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a CSV or TSV file record by record, without keeping more than one record in memory. A quoted cell
 * may hold the separator, doubled quotes ("" for ") and line breaks, so a record can span several lines;
 * {@link #line()} is the line it starts on. Cells are handed out as characters (for numbers, which are
 * parsed without making a String) or as text. Blank lines are skipped.
 */
final class CsvRecords implements AutoCloseable {
    /** Longer cells are almost always a quote that was never closed, which swallows the rest of the file. */
    static final int MAX_CELL = 100_000;

    private final Path file;
    private final Reader reader;
    private final char separator;
    private final boolean quoting;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int nextLine = 1;

    /** The current record's cells, unquoted, one after another in {@code chars}. */
    private char[] chars = new char[1024];

    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] quoted = new boolean[64];
    private int cells;
    private int length;
    private int line;

    /** {@code quoting} false reads quotes as ordinary characters (tab-separated text is written unquoted). */
    CsvRecords(Path file, Reader reader, char separator, boolean quoting) {
        this.file = file;
        this.reader = reader;
        this.separator = separator;
        this.quoting = quoting;
    }

    /** Moves to the next record that is not blank; false at the end of the file. */
    boolean next() throws IOException, DataLoadException {
        while (readRecord()) {
            if (cells > 1 || quoted[0] || !isBlank(0)) {
                return true;
            }
        }
        return false;
    }

    /** The line of the file on which the current record starts (the header is line 1). */
    int line() {
        return line;
    }

    int size() {
        return cells;
    }

    /** The characters of all cells of the current record; cell {@code c} spans {@link #start}..{@link #end}. */
    char[] chars() {
        return chars;
    }

    int start(int cell) {
        return starts[cell];
    }

    int end(int cell) {
        return ends[cell];
    }

    /** Cell {@code c} without the whitespace around it. */
    String text(int cell) {
        return new String(chars, starts[cell], ends[cell] - starts[cell]).strip();
    }

    private boolean isBlank(int cell) {
        for (int i = starts[cell]; i < ends[cell]; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    /** Reads one record up to its end of line (outside quotes); false when the file has ended before it. */
    private boolean readRecord() throws IOException, DataLoadException {
        if (position == limit && !fill()) {
            return false;
        }
        line = nextLine;
        cells = 0;
        length = 0;
        int cellStart = 0;
        boolean inQuotes = false;
        boolean cellQuoted = false;
        while (true) {
            if (position == limit && !fill()) {
                if (inQuotes) {
                    throw new DataLoadException(file + " line " + line + ": a quote (\") opens a cell that is never "
                            + "closed; add the closing quote.");
                }
                break;
            }
            if (!inQuotes) {
                // Most characters are plain: copy them in one go up to the next one that means something.
                int from = position;
                while (position < limit && !special(buffer[position])) {
                    position++;
                }
                append(from, position - from, cellStart);
                if (position == limit) {
                    continue;
                }
            }
            char c = buffer[position++];
            if (inQuotes) {
                if (c == '"') {
                    if (position == limit) {
                        fill();
                    }
                    if (position < limit && buffer[position] == '"') {
                        position++;
                    } else {
                        inQuotes = false;
                        continue;
                    }
                } else if (c == '\n') {
                    nextLine++;
                }
            } else if (c == separator) {
                endCell(cellStart, length, cellQuoted);
                cellStart = length;
                cellQuoted = false;
                continue;
            } else if (c == '\n') {
                nextLine++;
                break;
            } else if (c == '\r') {
                continue;
            } else if (quoting && isBlankSince(cellStart, length)) {
                // A quote opens a quoted cell only at the cell's start (spaces before it are dropped).
                length = cellStart;
                inQuotes = true;
                cellQuoted = true;
                continue;
            }
            append(position - 1, 1, cellStart); // c itself, still in the buffer just before position
        }
        endCell(cellStart, length, cellQuoted);
        return true;
    }

    /** A separator, line break or quote: a character that may end or open a cell. */
    private boolean special(char c) {
        return c == separator || c == '\n' || c == '\r' || c == '"';
    }

    /** Appends {@code count} characters of the buffer from {@code from} to the cell begun at {@code cellStart}. */
    private void append(int from, int count, int cellStart) throws DataLoadException {
        if (length + count - cellStart > MAX_CELL) {
            throw new DataLoadException(file + " line " + line + ": a cell is longer than " + MAX_CELL
                    + " characters; check for a quote (\") that is not closed.");
        }
        if (length + count > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
        }
        System.arraycopy(buffer, from, chars, length, count);
        length += count;
    }

    private boolean isBlankSince(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    private void endCell(int start, int end, boolean wasQuoted) {
        if (cells == starts.length) {
            starts = Arrays.copyOf(starts, cells * 2);
            ends = Arrays.copyOf(ends, cells * 2);
            quoted = Arrays.copyOf(quoted, cells * 2);
        }
        starts[cells] = start;
        ends[cells] = end;
        quoted[cells] = wasQuoted;
        cells++;
    }

    private boolean fill() throws IOException {
        int read = reader.read(buffer);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
