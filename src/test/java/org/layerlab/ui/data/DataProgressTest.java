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

    /**
     * The label box echoes the loaded table's label back when it is filled: that must not reload the data
     * (it did, and an example's "ready" could then be replaced by the reload before a student saw it).
     */
    @Test
    void theLabelBoxEchoingTheShownLabelDoesNotReload() throws Exception {
        Path csv = folder.resolve("pairs.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n9,1,x\n2,3,y\n4,5,x\n6,7,y\n8,9,x\n1,3,y\n");
        ProjectState state = new ProjectState();
        DataViewModel model = new DataViewModel(state, new SameThread());
        model.loadFile(csv);
        Object loaded = state.datasetProperty().get();
        assertEquals("label", model.labelColumnProperty().get());

        model.chooseLabel("label");
        assertTrue(loaded == state.datasetProperty().get(), "the same data, not loaded again");

        model.chooseLabel("a");
        assertEquals("a", state.dataSettingsProperty().get().labelColumn(), "a real choice still reloads");
    }
}
