package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Split;

/** Reading tables: quoting as CSV allows it, the lines named in messages, numbers exactly, progress. */
class TableReaderTest {
    @TempDir
    Path folder;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    /** Ten rows of a number, a note and a kind; row 2's note spans two lines, row 6 has no number. */
    private static String notesTable() {
        StringBuilder text = new StringBuilder("size,note,kind\n");
        for (int i = 0; i < 10; i++) {
            String note = i == 2 ? "\"first line\nsecond, with \"\"quotes\"\"\"" : "plain " + (i % 2);
            text.append(i == 6 ? "" : Integer.toString(i))
                    .append(',')
                    .append(note)
                    .append(',')
                    .append(i < 5 ? "small" : "large")
                    .append('\n');
        }
        return text.toString();
    }

    @Test
    void aQuotedCellMaySpanLinesAndLaterLinesAreStillNamedRightly() throws Exception {
        Path csv = file("notes.csv", notesTable());
        DataTable table = TableReader.read(csv, new ArrayList<>());
        assertEquals(10, table.rowCount(), "the quoted line break does not start a row");
        assertEquals("first line\nsecond, with \"quotes\"", table.column("note").getString(2));
        assertEquals(6, table.line(3), "the row after the two-line cell starts on line 6 of the file");

        Dataset data = DataLoading.load(DataRequest.of(csv.toString()).withSplit(new Split(0.2, 0.2, 3)));
        assertEquals(9, data.totalCount());
        assertTrue(
                data.notes().stream().anyMatch(n -> n.contains("Left out 1 of 10 rows") && n.contains("(lines 9)")),
                "the row without a number is on line 9, not 8: " + data.notes());
    }

    @Test
    void quotedCellsAcrossTheReadBufferAndCellsLongerThanItAreReadWhole() throws Exception {
        StringBuilder text = new StringBuilder("id,words\n");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String words = i == 1500 ? "x".repeat(70_000) : "say \"hi\", " + i + "\nthen go";
            expected.add(words);
            text.append(i).append(",\"").append(words.replace("\"", "\"\"")).append("\"\n");
        }
        DataTable table = TableReader.read(file("long.csv", text.toString()), new ArrayList<>());
        assertEquals(3000, table.rowCount());
        for (int i = 0; i < 3000; i++) {
            assertEquals(expected.get(i), table.column("words").getString(i), "row " + i);
        }
        assertEquals(2 + 2 * 2999 - 1, table.line(2999), "each row spans two lines but the long one");
    }

    @Test
    void aQuoteThatIsNeverClosedNamesTheLineItOpensOn() throws Exception {
        Path csv = file("open.csv", "a,b\n1,2\n3,\"oops\n4,5\n");
        DataLoadException e = assertThrows(DataLoadException.class, () -> TableReader.read(csv, new ArrayList<>()));
        assertTrue(
                e.getMessage().contains("open.csv line 3: a quote (\") opens a cell that is never closed"),
                e.getMessage());
    }

    @Test
    void twoColumnsWithOneNameAreRefused() throws Exception {
        Path csv = file("twice.csv", "a,b,a\n1,2,3\n");
        DataLoadException e = assertThrows(DataLoadException.class, () -> TableReader.read(csv, new ArrayList<>()));
        assertTrue(e.getMessage().contains("has two columns named 'a'"), e.getMessage());
    }

    @Test
    void numbersAreReadExactlyAsJavaReadsThem() throws Exception {
        List<String> cells = List.of(
                "0",
                "-0",
                "7",
                "-12",
                "0.1",
                "3.14159",
                "-2.5",
                ".5",
                "5.",
                "123456789012345",
                "1234567890123456789",
                "0.30000000000000004",
                "1e-3",
                "2.5E4",
                " 42 ",
                "1,234",
                "NaN",
                "",
                "word",
                "12a");
        NumberCells reader = new NumberCells();
        for (String cell : cells) {
            char[] chars = cell.toCharArray();
            double expected = NumberCells.parseSlowly(cell.strip());
            assertEquals(
                    Double.doubleToLongBits(expected),
                    Double.doubleToLongBits(reader.parse(chars, 0, chars.length)),
                    "'" + cell + "'");
        }
        assertEquals(1234, NumberCells.parseSlowly("1,234"), "commas are thousands separators, as Tablesaw read them");
    }

    @Test
    void progressCountsTheRowsRead() throws Exception {
        Path csv = file("notes.csv", notesTable());
        List<String> messages = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        DataLoading.load(DataRequest.of(csv.toString()), 5, (message, fraction) -> {
            messages.add(message);
            fractions.add(fraction);
        });
        assertTrue(messages.contains("Reading notes.csv: 10 rows"), messages.toString());
        assertEquals(
                "Reading the text of notes.csv: 10 of 10 rows",
                messages.get(messages.size() - 1),
                "its text columns are read again, alone: " + messages);
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }
}
