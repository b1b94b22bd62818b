package org.layerlab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.ui.SameThread;
import org.layerlab.ui.project.ProjectState;

/** While a table loads, the Data tab's model says how many rows have been read, and clears it after. */
class DataProgressTest {
    @TempDir
    Path folder;

    @Test
    void loadingATableReportsTheRowsReadThenClears() throws Exception {
        StringBuilder text = new StringBuilder("height,weight,kind\n");
        for (int i = 0; i < 30; i++) {
            text.append(i)
                    .append(',')
                    .append(i * 2.5)
                    .append(',')
                    .append(i % 2 == 0 ? "fir" : "oak")
                    .append('\n');
        }
        Path csv = folder.resolve("trees.csv");
        Files.writeString(csv, text);
        DataViewModel model = new DataViewModel(new ProjectState(), new SameThread());
        List<String> shown = new ArrayList<>();
        model.progressProperty().addListener((o, before, now) -> shown.add(now));

        model.loadFile(csv);

        assertTrue(shown.contains("Reading trees.csv: 30 rows"), shown.toString());
        assertEquals("", model.progressProperty().get(), "no progress line once loaded");
        assertEquals(30, model.previewProperty().get().rowCount(), "the preview comes from the same reading");
    }
}
