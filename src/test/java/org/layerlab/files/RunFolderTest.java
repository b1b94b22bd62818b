package org.layerlab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path parent;

    private Path fakeRun(String name) throws Exception {
        Path run = parent.resolve(name);
        Files.createDirectories(run.resolve("model"));
        Files.writeString(run.resolve("model/model.json"), "{}");
        Files.writeString(run.resolve("model/stack.json"), "{}");
        Files.writeString(run.resolve("model/layerlab-0000.params"), "weights");
        Files.writeString(run.resolve("metrics.csv"), "epoch\n");
        Files.writeString(run.resolve("training.json"), "{}");
        return run;
    }

    @Test
    void aNewOrEmptyFolderIsFine() throws Exception {
        assertEquals(List.of(), RunFolder.prepare(parent.resolve("new"), false));
        Files.createDirectories(parent.resolve("empty"));
        assertEquals(List.of(), RunFolder.prepare(parent.resolve("empty"), false));
    }

    @Test
    void anExistingRunIsReplacedOnlyWhenAsked() throws Exception {
        Path run = fakeRun("digits");
        RunFolderException refused = assertThrows(RunFolderException.class, () -> RunFolder.prepare(run, false));
        assertEquals(
                run + " already holds a run; give --overwrite to replace it, or choose another --out folder.",
                refused.getMessage());
        assertEquals(List.of(), RunFolder.prepare(run, true));
    }

    @Test
    void aFolderWithSomethingLayerLabDidNotWriteIsNeverReplaced() throws Exception {
        Path run = fakeRun("digits");
        Files.writeString(run.resolve("model/my-notes.txt"), "mine");
        RunFolderException refused = assertThrows(RunFolderException.class, () -> RunFolder.prepare(run, true));
        assertTrue(
                refused.getMessage().contains("holds model/my-notes.txt, which LayerLab did not write"),
                refused.getMessage());
        assertTrue(Files.exists(run.resolve("model/my-notes.txt")));
    }

    @Test
    void leftoversOfAnInterruptedSaveAreRemovedAndNamed() throws Exception {
        Path partial = fakeRun(".digits.partial-123");
        Files.writeString(
                Files.createDirectories(partial.resolve("model/.model-77")).resolve("model.json"), "{}");
        Path replaced = fakeRun(".digits.replaced-456");
        Path someoneElses = fakeRun(".other.partial-789");
        List<String> notes = RunFolder.prepare(parent.resolve("digits"), false);
        assertEquals(
                List.of(
                        "Removed .digits.partial-123, left by a save that was cut short.",
                        "Removed .digits.replaced-456, left by a save that was cut short."),
                notes.stream().sorted().toList());
        assertFalse(Files.exists(partial));
        assertFalse(Files.exists(replaced));
        assertTrue(Files.exists(someoneElses), "only this run's leftovers");
    }

    @Test
    void aFileInTheWayIsNamed() throws Exception {
        Path file = Files.writeString(parent.resolve("digits"), "x");
        RunFolderException refused = assertThrows(RunFolderException.class, () -> RunFolder.prepare(file, true));
        assertTrue(
                refused.getMessage().startsWith(file + " is a file; give --out a folder name"), refused.getMessage());
    }
}
