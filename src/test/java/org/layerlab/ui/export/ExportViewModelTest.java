package org.layerlab.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.stack.Template;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.export.ExportFormat;
import org.layerlab.ui.SameThread;
import org.layerlab.ui.data.DataViewModel;
import org.layerlab.ui.network.NetworkViewModel;
import org.layerlab.ui.project.ProjectState;
import org.layerlab.ui.project.RunModels;
import org.layerlab.ui.training.TrainingViewModel;

/** Exporting the selected run from the workbench, with a same-thread executor. */
class ExportViewModelTest {
    @TempDir
    Path home;

    private final SameThread same = new SameThread();
    private final ProjectState state = new ProjectState();
    private ExportViewModel export;

    @BeforeEach
    void trainOneRun() {
        DjlTrainingEngine engine = new DjlTrainingEngine();
        RunModels runModels = new RunModels(state, engine, same, home);
        TrainingViewModel training = new TrainingViewModel(state, engine, runModels, same, same);
        export = new ExportViewModel(state, same);
        new DataViewModel(state, same).loadSample("iris");
        new NetworkViewModel(state).applyTemplate(Template.IRIS_MLP);
        training.epochsProperty().set(2);
        training.start();
    }

    @Test
    void theSelectedRunIsExportedAndAnExistingFileIsOnlyReplacedWhenTheStudentAgrees() throws Exception {
        assertEquals("run-1-onnx.onnx", export.suggestedName(ExportFormat.ONNX));
        Path target = home.resolve("exports/iris.onnx");
        AtomicInteger asked = new AtomicInteger();
        export.export(ExportFormat.ONNX, target, false, () -> asked.incrementAndGet() > 5);
        assertTrue(Files.size(target) > 1000);
        assertTrue(Files.isRegularFile(home.resolve("exports/iris.json")));
        assertTrue(
                export.messageProperty().get().startsWith("Wrote iris.json, iris.onnx in"),
                export.messageProperty().get());

        Files.writeString(target, "the student's own file");
        export.export(ExportFormat.ONNX, target, false, () -> asked.incrementAndGet() > 5);
        assertEquals(1, asked.get());
        assertEquals("the student's own file", Files.readString(target), "declined: nothing replaced");
        assertTrue(export.messageProperty().get().contains("already exists"));

        export.export(ExportFormat.ONNX, target, false, () -> true);
        assertTrue(Files.size(target) > 1000, "agreed: replaced");
    }

    @Test
    void anUnwritableFolderIsNamedAndNothingIsWritten() throws Exception {
        Path blocked = home.resolve("blocked");
        Files.writeString(blocked, "a file where a folder should be");
        export.export(ExportFormat.ONNX, blocked.resolve("model.onnx"), false, () -> false);
        assertTrue(
                export.messageProperty().get().startsWith("Not exported: "),
                export.messageProperty().get());
        assertTrue(
                export.messageProperty().get().contains("blocked"),
                export.messageProperty().get());
        assertFalse(export.busyProperty().get());
    }
}
