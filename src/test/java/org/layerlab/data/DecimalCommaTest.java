package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Split;

class DecimalCommaTest {
    @TempDir
    Path folder;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    private static String wine(String extraRow) {
        StringBuilder text = new StringBuilder("alcohol;ash;colour;kind\n");
        for (int i = 0; i < 20; i++) {
            text.append(i % 2 == 0 ? "14,23" : "13,2")
                    .append(';')
                    .append(i % 3)
                    .append(';')
                    .append(i % 2 == 0 ? "red" : "white")
                    .append(';')
                    .append(i % 2 == 0 ? "a" : "b")
                    .append('\n');
        }
        return text + extraRow;
    }

    private static Dataset load(Path file) throws DataLoadException {
        return DataLoading.load(DataRequest.of(file.toString()).withSplit(new Split(0.2, 0.2, 3)));
    }

    @Test
    void semicolonTableWithDecimalCommasIsReadAsDecimalsAndNoted() throws Exception {
        Path file = file("wine.csv", wine("-0,5;1;red;a\n"));
        Dataset data = load(file);
        Preprocessing.Column alcohol =
                ((Preprocessing.Tabular) data.preprocessing()).columns().get(0);
        assertTrue(alcohol.mean() > 10 && alcohol.mean() < 15, "14,23 is 14.23, not 1423: " + alcohol.mean());
        assertTrue(!alcohol.categorical(), "a number column, not categories");
        assertTrue(
                data.notes()
                        .contains("wine.csv: read decimal commas as decimal points (14,23 as 14.23) in column "
                                + "alcohol."),
                data.notes().toString());

        TablePreview preview = DataLoading.load(DataRequest.of(file.toString()), 3, LoadProgress.NONE)
                .preview()
                .orElseThrow();
        assertEquals("14.23", preview.rows().get(0).get(0), "the Data tab's preview reads the same numbers");
        assertEquals("number", preview.stats().get(0).type());
        assertTrue(
                preview.stats().get(0).summary().startsWith("min -0.500"),
                preview.stats().get(0).summary());
    }

    @Test
    void aColumnMixingDecimalCommasAndPointsIsRefusedWithBothLines() throws Exception {
        Path file = file("mixed.csv", wine("13.5;1;red;a\n"));
        DataLoadException e = assertThrows(DataLoadException.class, () -> load(file));
        assertTrue(
                e.getMessage()
                        .endsWith("mixed.csv, column 'alcohol': mixes decimal commas ('14,23' on line 2) and decimal "
                                + "points ('13.5' on line 22), so its numbers cannot be read safely; write all of "
                                + "them with the same decimal mark."),
                e.getMessage());
    }

    @Test
    void aWordAmongDecimalCommasNamesItsLine() throws Exception {
        Path file = file("typo.csv", wine("about 13;1;red;a\n"));
        DataLoadException e = assertThrows(DataLoadException.class, () -> load(file));
        assertTrue(
                e.getMessage().contains("typo.csv line 22, column 'alcohol': 'about 13' is not a number"),
                e.getMessage());
    }

    @Test
    void commaSeparatedTablesAreUnchanged() throws Exception {
        Path file = file("plain.csv", wine("").replace(",", ".").replace(';', ','));
        Dataset data = load(file);
        Preprocessing.Column alcohol =
                ((Preprocessing.Tabular) data.preprocessing()).columns().get(0);
        assertTrue(alcohol.mean() > 10 && alcohol.mean() < 15, "" + alcohol.mean());
        assertTrue(
                data.notes().stream().noneMatch(n -> n.contains("decimal commas")),
                data.notes().toString());
    }

    @Test
    void decimalCommasInQuotedOrTabSeparatedCellsAreDecimalsToo() throws Exception {
        String semicolons = wine("");
        Path quoted = file(
                "quoted.csv", semicolons.replaceAll("(\\d+,\\d+)", "\"$1\"").replace(';', ','));
        Path tabs = file("tabs.tsv", semicolons.replace(';', '\t'));
        for (Path file : new Path[] {quoted, tabs}) {
            Dataset data = load(file);
            Preprocessing.Column alcohol =
                    ((Preprocessing.Tabular) data.preprocessing()).columns().get(0);
            assertTrue(alcohol.mean() > 10 && alcohol.mean() < 15, file + ": " + alcohol.mean());
            assertTrue(
                    data.notes().stream()
                            .anyMatch(n -> n.endsWith("decimal points (14,23 as 14.23) in column alcohol.")),
                    data.notes().toString());
        }
    }

    @Test
    void commasThatCanOnlyBeThousandsOutsideSemicolonFilesAreReadAsThousandsAndNoted() throws Exception {
        Path file = file(
                "prices.csv",
                wine("").replace(";", ",").replace("14,23", "\"1,423\"").replace("13,2", "900"));
        Dataset data = load(file);
        Preprocessing.Column alcohol =
                ((Preprocessing.Tabular) data.preprocessing()).columns().get(0);
        assertTrue(alcohol.mean() > 900 && alcohol.mean() < 1423, "" + alcohol.mean());
        assertTrue(
                data.notes()
                        .contains("prices.csv: read commas as thousands separators (1,234 as 1234) in column alcohol; "
                                + "if they are decimal marks, save the file with decimal points."),
                data.notes().toString());
    }
}
