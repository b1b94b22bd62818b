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

    /**
     * The file's characters; the current record's cells are spans of it. A quoted cell is unescaped in place
     * (it only gets shorter), so cells are never copied elsewhere.
     */
    private char[] buffer = new char[1 << 16];

    private int position;
    private int limit;
    private int recordStart;
    private int nextLine = 1;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] quoted = new boolean[64];
    private int cells;
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
            if (cells > 1 || quoted[0] || !isBlank(starts[0], ends[0])) {
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

    /** The characters of the current record; cell {@code c} spans {@link #start}..{@link #end} of them. */
    char[] chars() {
        return buffer;
    }

    int start(int cell) {
        return starts[cell];
    }

    int end(int cell) {
        return ends[cell];
    }

    /** Cell {@code c} without the whitespace around it. */
    String text(int cell) {
        return new String(buffer, starts[cell], ends[cell] - starts[cell]).strip();
    }

    /** Reads one record up to its end of line (outside quotes); false when the file has ended before it. */
    private boolean readRecord() throws IOException, DataLoadException {
        recordStart = position;
        if (position == limit) {
            compact();
            if (!fill()) {
                return false;
            }
        }
        line = nextLine;
        cells = 0;
        int cellStart = position;
        int write = position;
        boolean inQuotes = false;
        boolean cellQuoted = false;
        while (true) {
            if (position == limit) {
                int shift = compact();
                cellStart -= shift;
                write -= shift;
                if (!fill()) {
                    if (inQuotes) {
                        throw new DataLoadException(file + " line " + line + ": a quote (\") opens a cell that is "
                                + "never closed; add the closing quote.");
                    }
                    break;
                }
            }
            if (!inQuotes) {
                // Most characters are plain: pass over them in one go up to the next one that means something.
                int from = position;
                while (position < limit && !special(buffer[position])) {
                    position++;
                }
                if (write != from) {
                    System.arraycopy(buffer, from, buffer, write, position - from);
                }
                write += position - from;
                checkLength(write - cellStart);
                if (position == limit) {
                    continue;
                }
            }
            char c = buffer[position++];
            if (inQuotes) {
                if (c == '"') {
                    if (position == limit) {
                        int shift = compact();
                        cellStart -= shift;
                        write -= shift;
                        fill();
                    }
                    if (position < limit && buffer[position] == '"') {
                        position++; // "" inside quotes is one quote
                    } else {
                        inQuotes = false;
                        continue;
                    }
                } else if (c == '\n') {
                    nextLine++;
                }
            } else if (c == separator) {
                endCell(cellStart, write, cellQuoted);
                cellStart = position;
                write = position;
                cellQuoted = false;
                continue;
            } else if (c == '\n') {
                nextLine++;
                break;
            } else if (c == '\r') {
                continue;
            } else if (quoting && isBlank(cellStart, write)) {
                // A quote opens a quoted cell only at the cell's start (spaces before it are dropped).
                write = cellStart;
                inQuotes = true;
                cellQuoted = true;
                continue;
            }
            buffer[write++] = c;
            checkLength(write - cellStart);
        }
        endCell(cellStart, write, cellQuoted);
        return true;
    }

    /** A separator, line break or quote: a character that may end or open a cell. */
    private boolean special(char c) {
        return c == separator || c == '\n' || c == '\r' || c == '"';
    }

    private void checkLength(int cellLength) throws DataLoadException {
        if (cellLength > MAX_CELL) {
            throw new DataLoadException(file + " line " + line + ": a cell is longer than " + MAX_CELL
                    + " characters; check for a quote (\") that is not closed.");
        }
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(buffer[i])) {
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

    /**
     * Moves the current record to the buffer's start, growing the buffer if the record fills it, so that more
     * of the file fits after it. Returns how far the record moved back.
     */
    private int compact() {
        int shift = recordStart;
        if (shift > 0) {
            System.arraycopy(buffer, shift, buffer, 0, limit - shift);
            for (int c = 0; c < cells; c++) {
                starts[c] -= shift;
                ends[c] -= shift;
            }
            position -= shift;
            limit -= shift;
            recordStart = 0;
        } else if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        return shift;
    }

    /** Reads more of the file after {@code limit}; false at its end. */
    private boolean fill() throws IOException {
        int read = reader.read(buffer, limit, buffer.length - limit);
        if (read <= 0) {
            return false;
        }
        limit += read;
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
