package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --data}: LayerLab's load of a CSV, in a child JVM, against pandas on the same file. */
class DataBenchCliTest {
    @TempDir
    Path folder;

    private Path tinyCsv() throws Exception {
        StringBuilder text = new StringBuilder("height,weight,label\n");
        for (int i = 0; i < 30; i++) {
            text.append(i).append(',').append(i * 0.5).append(',').append(i % 3).append('\n');
        }
        Path csv = folder.resolve("tiny.csv");
        Files.writeString(csv, text);
        return csv;
    }

    @Test
    void withoutPandasLayerLabsLoadIsMeasuredAndTheMachineDescribed() throws Exception {
        Path csv = tinyCsv();
        CliTest.Run run = CliTest.run("bench", "--data", csv.toString(), "--runs", "1", "--peer", "none");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("Machine: ") && run.out().contains("load average"), run.out());
        assertTrue(run.out().contains("pandas not run: skipped (--peer none)."), run.out());
        assertTrue(
                run.out().matches("(?s).*run 1: LayerLab +[0-9.]+ s, 30 rows × 3 columns, peak RSS [0-9,]+ MB.*"),
                run.out());
        assertTrue(run.out().contains("Reproduce: layerlab bench --data " + csv), run.out());
    }

    @Test
    void pandasRunsOnTheSameFileAndTheRatioIsPrinted() throws Exception {
        assumeTrue(
                new ProcessBuilder(DataBenchmark.PYTHON, "-c", "import pandas")
                                .start()
                                .waitFor()
                        == 0,
                "Debian's python3-pandas is not installed");
        Path csv = tinyCsv();
        CliTest.Run run = CliTest.run("bench", "--data", csv.toString(), "--runs", "1");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().matches("(?s).*run 1: pandas +[0-9.]+ s, 30 rows × 3 columns.*"), run.out());
        assertTrue(run.out().contains("Ratio LayerLab/pandas: "), run.out());
    }

    @Test
    void aMissingFileIsOneLine() {
        CliTest.assertOneLineError(
                CliTest.run("bench", "--data", folder.resolve("none.csv").toString(), "--peer", "none"),
                "none.csv: no such file");
    }
}
