package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.cli.CliTest.Run;

/** train --out never replaces a run by surprise and writes a run's files together. */
class TrainRunFolderTest {
    @TempDir
    Path folder;

    private static Run train(Path out, String epochs, String... more) {
        String[] base = {
            "train",
            "--data",
            "sample:iris",
            "--stack",
            "sample-data/stacks/iris-mlp.json",
            "--epochs",
            epochs,
            "--out",
            out.toString()
        };
        return CliTest.run(Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
    }

    @Test
    void anExistingRunIsKeptUnlessOverwriteIsGiven() throws Exception {
        Path out = folder.resolve("iris");
        assertEquals(0, train(out, "2").status());
        String firstMetrics = Files.readString(out.resolve("metrics.csv"));
        byte[] firstWeights = Files.readAllBytes(out.resolve("model/layerlab-0000.params"));

        CliTest.assertOneLineError(train(out, "3"), out.toAbsolutePath() + " already holds a run; give --overwrite");
        assertEquals(firstMetrics, Files.readString(out.resolve("metrics.csv")), "nothing was touched");

        Run again = train(out, "3", "--overwrite");
        assertEquals(0, again.status(), again.err());
        assertEquals(4, Files.readAllLines(out.resolve("metrics.csv")).size(), "the new run's three epochs");
        assertNotEquals(
                java.util.Arrays.hashCode(firstWeights),
                java.util.Arrays.hashCode(Files.readAllBytes(out.resolve("model/layerlab-0000.params"))));
        try (Stream<Path> beside = Files.list(folder)) {
            assertEquals(1, beside.count(), "no hidden folder is left beside the run");
        }
    }

    @Test
    void aUsersFileInsideTheRunIsNeverDeleted() throws Exception {
        Path out = folder.resolve("iris");
        assertEquals(0, train(out, "1").status());
        Path notes = Files.writeString(out.resolve("model/notes.txt"), "my notes");
        CliTest.assertOneLineError(
                train(out, "1", "--overwrite"), "holds model/notes.txt, which LayerLab did not write");
        assertEquals("my notes", Files.readString(notes));
    }

    @Test
    void whatAnInterruptedSaveLeftIsClearedAndSaid() throws Exception {
        Path leftover = Files.createDirectories(folder.resolve(".iris.partial-42/model"));
        Files.writeString(leftover.resolve("model.json"), "{}");
        Run run = train(folder.resolve("iris"), "1");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Removed .iris.partial-42, left by a save that was cut short."), run.out());
        assertTrue(Files.notExists(leftover));
    }
}
