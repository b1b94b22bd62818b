package org.layerlab.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.testing.TinyData;

class RunStoreTest {
    @TempDir
    Path folder;

    private final DjlTrainingEngine engine = new DjlTrainingEngine();

    @Test
    void aRunsModelIsSavedBesideTheProjectLoadedCopiedAndDeleted() throws Exception {
        Dataset data = TinyData.blobs(30, 3, 1f);
        RunStore store = RunStore.besideProject(folder.resolve("flowers.layerlab"));
        assertEquals(folder.resolve("flowers.runs"), store.root());
        float[] before;
        try (TrainedModel model = engine.train(
                        data,
                        LayerStack.of(TensorShape.of(2), new Dense(4), Activation.RELU, new Dense(2)),
                        TrainingConfig.DEFAULT.withEpochs(1).withBatchSize(8),
                        TrainingObserver.NONE,
                        new TrainingControl())
                .model()) {
            before = model.predict(data.test().features()).get(0).probabilities();
            store.save("Run 3", model);
        }
        assertTrue(Files.isRegularFile(folder.resolve("flowers.runs/run-3/model.json")));
        assertTrue(store.has("Run 3"));
        try (TrainedModel loaded = store.load("Run 3", engine)) {
            assertArrayEquals(
                    before, loaded.predict(data.test().features()).get(0).probabilities());
            assertEquals("blobs", loaded.info().dataName());
            assertTrue(loaded.info().trainedOn("blobs", data.totalCount()));
        }

        RunStore copy = RunStore.besideProject(folder.resolve("copy.layerlab"));
        store.copyTo(copy, "Run 3");
        assertTrue(copy.has("Run 3"));

        store.delete("Run 3");
        assertFalse(store.has("Run 3"));
        FileFormatException missing = assertThrows(FileFormatException.class, () -> store.load("Run 3", engine));
        assertTrue(missing.getMessage().startsWith("Run 3 has no saved model"), missing.getMessage());
        copy.clear();
        assertFalse(copy.has("Run 3"));
    }

    @Test
    void clearLeavesFilesItDidNotWrite() throws Exception {
        RunStore store = new RunStore(folder);
        Files.writeString(folder.resolve("notes.txt"), "mine");
        Files.createDirectories(folder.resolve("photos"));
        store.clear();
        assertTrue(Files.exists(folder.resolve("notes.txt")));
        assertTrue(Files.isDirectory(folder.resolve("photos")));
    }
}
