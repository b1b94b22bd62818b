package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.cli.CliTest.assertOneLineError;
import static org.layerlab.cli.CliTest.run;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.cli.CliTest.Run;
import org.layerlab.testing.TestImages;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class InspectCommandTest {
    @TempDir
    Path folder;

    private static List<String> lines(Run run) {
        assertEquals(0, run.status(), run.err());
        return run.out().lines().toList();
    }

    @Test
    void irisShowsColumnsClassesSplitAndTheLabelNoteFirst() {
        List<String> out = lines(run("inspect", "--data", "sample:iris"));
        assertEquals("Source: sample:iris (iris.csv)", out.get(0));
        assertEquals("Format: table, 150 rows, 5 columns; each row gives the network 4 numbers", out.get(1));
        assertTrue(out.contains("  sepal_length  number        0  min 4.30 · mean 5.84 · max 7.90"), out.toString());
        assertTrue(out.contains("  species       text          0  3 different values (the label)"), out.toString());
        assertTrue(out.contains("Classes: 3"), out.toString());
        assertTrue(out.contains("  versicolor  50"), out.toString());
        assertTrue(
                out.contains("Split: 105 training / 15 validation / 30 test (validation 0.1, test 0.2, " + "seed 42)"),
                out.toString());
        int notes = out.indexOf("Notes:");
        assertEquals("  Label: column 'species'.", out.get(notes + 1));
    }

    @Test
    void aSmallTableShowsMissingCellsDecimalCommasAndTheAskedSplit() throws Exception {
        Path csv = folder.resolve("wine.csv");
        StringBuilder text = new StringBuilder("quality;alcohol;colour\n");
        for (int i = 0; i < 20; i++) {
            text.append(i % 4 == 0 ? "good" : "poor")
                    .append(';')
                    .append(i == 3 ? "" : (12 + i % 3) + ",5")
                    .append(';')
                    .append(i % 2 == 0 ? "red" : "white")
                    .append('\n');
        }
        Files.writeString(csv, text);
        List<String> out = lines(run(
                "inspect",
                "--data",
                csv.toString(),
                "--label",
                "quality",
                "--validation",
                "0.25",
                "--test-fraction",
                "0.25",
                "--seed",
                "7"));
        assertEquals("Source: " + csv, out.get(0));
        assertEquals(
                "Format: table, 20 rows, 19 of them usable, 3 columns; each row gives the network 3 numbers",
                out.get(1));
        assertTrue(out.contains("  alcohol  number        1  min 12.5 · mean 13.5 · max 14.5"), out.toString());
        assertTrue(out.contains("  colour   text          0  2 different values"), out.toString());
        assertTrue(out.contains("  good  5"), out.toString());
        assertTrue(out.contains("  poor  14"), out.toString());
        assertTrue(
                out.contains("Split: 9 training / 5 validation / 5 test (validation 0.25, test 0.25, seed 7)"),
                out.toString());
        assertTrue(out.contains("  Label: column 'quality'."), out.toString());
        assertTrue(
                out.contains("  wine.csv: read decimal commas as decimal points (14,23 as 14.23) in column alcohol."),
                out.toString());
        assertTrue(out.stream().anyMatch(l -> l.startsWith("  Left out 1 of 20 rows")), out.toString());
    }

    @Test
    void aGivenTestFileIsNamedAsSuchInsteadOfATestFraction() {
        List<String> out = lines(run("inspect", "--data", "sample:sentiment"));
        assertEquals(
                "Format: text table, 8,455 rows (10,568 samples with the test file); each sentence becomes 34 token ids",
                out.get(1));
        assertTrue(
                out.contains("Split: 7,609 training / 846 validation / 2,113 test (validation 0.1, the test set came "
                        + "with the data, seed 42)"),
                out.toString());
    }

    @Test
    void imagesShowCountShapeAndClasses() throws Exception {
        Path images = folder.resolve("colours");
        for (int i = 0; i < 3; i++) {
            TestImages.write(images.resolve("red/" + i + ".png"), Color.RED, 8);
        }
        for (int i = 0; i < 2; i++) {
            TestImages.write(images.resolve("blue/" + i + ".png"), Color.BLUE, 8);
        }
        List<String> out = lines(run("inspect", "--data", images.toString(), "--grey"));
        assertEquals("Format: images, 5 samples of 8×8 pixels, grey", out.get(1));
        assertTrue(out.contains("  blue  2"), out.toString());
        assertTrue(out.contains("  red   3"), out.toString());
        assertTrue(out.stream().noneMatch(l -> l.startsWith("Columns:")), out.toString());
    }

    @Test
    void everyOptionIsDescribedAndAMissingFileIsOneLine() {
        CommandLine inspect =
                new CommandLine(new LayerLabCli()).getSubcommands().get("inspect");
        for (OptionSpec option : inspect.getCommandSpec().options()) {
            assertTrue(String.join("", option.description()).length() > 10, option.longestName());
        }
        Run help = run("inspect", "--help");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().contains("--validation=F"), help.out());
        assertOneLineError(run("inspect", "--data", folder.resolve("none.csv").toString()), "none.csv: no such file");
    }
}
