package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.project.Project;
import org.layerlab.core.stack.LayerKind;
import org.layerlab.core.stack.Template;
import org.layerlab.core.training.MemoryBudget;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.ui.data.DataViewModel;
import org.layerlab.ui.network.NetworkViewModel;
import org.layerlab.ui.project.ProjectState;
import org.layerlab.ui.project.ProjectViewModel;
import org.layerlab.ui.project.RunModels;
import org.layerlab.ui.training.TrainingViewModel;

/** The ViewModels with a same-thread executor: no toolkit, no waiting. */
class ViewModelTest {
    @TempDir
    Path home;

    private final SameThread same = new SameThread();
    private final ProjectState state = new ProjectState();
    private final DataViewModel data = new DataViewModel(state, same);
    private final NetworkViewModel network = new NetworkViewModel(state);
    private RunModels runModels;
    private TrainingViewModel training;

    @BeforeEach
    void wire() {
        runModels = new RunModels(state, new DjlTrainingEngine(), same, home);
        training = new TrainingViewModel(state, new DjlTrainingEngine(), runModels, same, same);
    }

    @Test
    void theDataTabChoosesTheLabelByTheSameRuleAsTheCommandLine() throws Exception {
        Path csv = home.resolve("trees.csv");
        Files.writeString(csv, "Class,height,weight\nfir,1,5.5\noak,2,6.25\nfir,3,7.5\noak,4,8.75\nfir,5,9.5\n");
        data.loadFile(csv);
        assertEquals("Class", data.labelColumnProperty().get());
        assertTrue(
                data.notes().get(0).startsWith("Label: column 'Class' (named like a label;"),
                data.notes().toString());
        network.selectedProperty().set(2);
        network.changeSetting("units", 64);
        assertEquals(
                "Layer 3 (Dense) outputs 64 values but trees.csv has 2 classes; end the stack with Dense(2).",
                network.problems().get(0));
    }

    @Test
    void loadingASampleDescribesItAndAdaptsTheNetwork() {
        data.loadSample("iris");
        assertNotNull(state.datasetProperty().get());
        assertTrue(
                data.summaryProperty().get().contains("150 samples · 3 classes"),
                data.summaryProperty().get());
        assertEquals(3, data.classCounts().size());
        assertEquals("species", data.labelColumnProperty().get());
        assertEquals(5, data.previewProperty().get().columns().size());
        assertEquals("(16)", network.rows().get(0).output());
        assertEquals("131 parameters", network.totalProperty().get());
        assertTrue(network.problems().isEmpty(), network.problems().toString());
        network.insert(LayerKind.DENSE, 3);
        assertTrue(
                network.problems().get(0).contains("outputs 64 values but iris.csv has 3 classes"),
                network.problems().toString());
    }

    @Test
    void newDataGetsTheBatchSizeAndEpochsThatSuitItAndSaysSo() throws Exception {
        data.loadSample("iris");
        assertEquals(8, training.batchSizeProperty().get());
        assertEquals(108, training.epochsProperty().get());
        assertEquals(
                "Settings chosen for 105 training rows: batch 8, 108 epochs (14 batches an epoch, 1,512 steps).",
                training.dataDefaults().chosenProperty().get());
        assertEquals("", training.dataDefaults().warningProperty().get());

        training.batchSizeProperty().set(64);
        assertEquals("", training.dataDefaults().chosenProperty().get());
        assertTrue(
                training.dataDefaults().warningProperty().get().startsWith("An epoch is only 2 batches of 64"),
                training.dataDefaults().warningProperty().get());

        data.loadSample("digits");
        assertEquals(64, training.batchSizeProperty().get());
        assertEquals(40, training.epochsProperty().get());
    }

    @Test
    void anOpenedProjectKeepsItsOwnSettingsWhenItsDataLoads() {
        TrainingConfig saved = TrainingConfig.DEFAULT.withEpochs(3).withBatchSize(16);
        state.replace(
                new Project(
                        org.layerlab.core.project.DataSettings.sample("iris"),
                        Project.empty().stack(),
                        saved,
                        java.util.List.of()),
                null);
        assertNotNull(state.datasetProperty().get());
        assertEquals(3, training.epochsProperty().get());
        assertEquals(16, training.batchSizeProperty().get());
        assertEquals("", training.dataDefaults().chosenProperty().get());
        data.loadSample("iris");
        assertEquals(108, training.epochsProperty().get());
    }

    @Test
    void badFileShowsTheLoadersMessageAndKeepsTheOldData(@TempDir Path folder) throws Exception {
        data.loadSample("iris");
        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, "a,b\n1\n");
        data.loadFile(bad);
        assertTrue(
                data.errorProperty().get().contains("bad.csv line 2: has 1 cells but the header has 2"),
                data.errorProperty().get());
        assertEquals("iris.csv", state.datasetProperty().get().name());
    }

    @Test
    void settingsEditsAreUndoable() {
        data.loadSample("iris");
        network.applyTemplate(Template.IRIS_MLP);
        network.selectedProperty().set(0);
        network.changeSetting("units", 8);
        assertEquals("Dense(8)", network.rows().get(0).label());
        network.changeSetting("units", 80);
        network.changeSetting("units", 8);
        assertEquals(
                "Undo Change units of layer 1 (Dense)",
                network.undoTextProperty().get());
        network.undo();
        assertEquals("Dense(16)", network.rows().get(0).label(), "typing 8, 80, 8 is one step to undo");
        network.redo();
        assertEquals("Dense(8)", network.rows().get(0).label());
        network.changeSetting("units", 0);
        assertTrue(network.rows().get(0).problem().contains("units must be at least 1 but is 0"));
    }

    @Test
    void trainingRecordsARunWithItsCurves() {
        data.loadSample("iris");
        network.applyTemplate(Template.IRIS_MLP);
        training.epochsProperty().set(3);
        training.batchSizeProperty().set(16);
        training.start();
        assertFalse(training.runningProperty().get());
        assertEquals(1, state.runs().size());
        assertEquals(3, state.runs().get(0).epochs().size());
        assertEquals(3, training.runs().get(0).validationLoss().size());
        assertFalse(training.runs().get(0).trainLoss().isEmpty());
        assertEquals(1.0, training.progressProperty().get());
        training.learningRateProperty().set(0.01);
        training.start();
        assertEquals("lr 0.001 → 0.01", training.runs().get(1).label());
    }

    @Test
    void aDivergingRunEndsWithAdviceAndIsKept() {
        state.datasetProperty().set(org.layerlab.testing.TinyData.blobs(60, 4, 1e19f));
        network.insert(LayerKind.DENSE, 0);
        network.changeSetting("units", 2);
        training.optimizerProperty().set(org.layerlab.core.training.OptimizerKind.SGD);
        training.learningRateProperty().set(5);
        training.lossProperty().set(org.layerlab.core.training.LossKind.MEAN_SQUARED_ERROR);
        training.start();
        assertFalse(training.runningProperty().get());
        assertTrue(
                training.messageProperty().get().contains("training diverged. Lower the learning rate (now 5.0)"),
                training.messageProperty().get());
        assertEquals("DIVERGED", state.runs().get(0).outcome());
        assertTrue(training.runs().get(0).resultProperty().get().startsWith("diverged"));
    }

    @Test
    void startRefusesANetworkTooLargeForTheMemory() {
        TrainingViewModel onFourGigabytes = new TrainingViewModel(
                state, new DjlTrainingEngine(MemoryBudget.shareOf(4L << 30)), runModels, same, same);
        data.loadSample("iris");
        network.applyTemplate(Template.IRIS_MLP);
        network.selectedProperty().set(0);
        network.changeSetting("units", 100_000_000);
        onFourGigabytes.start();
        String message = onFourGigabytes.messageProperty().get();
        assertTrue(message.startsWith("Layer 1 (Dense) alone needs "), message);
        assertTrue(message.contains("LayerLab may use 3.0 GB of this machine's 4.0 GB"), message);
        assertFalse(onFourGigabytes.runningProperty().get());
        assertNull(onFourGigabytes.currentRunProperty().get(), "no run was started");
    }

    @Test
    void startWithoutDataSaysWhatToDo() {
        training.start();
        assertEquals(
                "Load data first (step 1, Data).", training.messageProperty().get());
        assertNull(training.currentRunProperty().get());
    }

    @Test
    void projectSavesAndOpensTheSameStackSettingsAndRuns() {
        ProjectViewModel projects = new ProjectViewModel(state, same, runModels, home);
        data.loadSample("iris");
        network.applyTemplate(Template.IRIS_MLP);
        training.epochsProperty().set(2);
        training.start();
        assertTrue(state.dirtyProperty().get());
        Path file = home.resolve("flowers");
        projects.saveAs(file);
        assertFalse(state.dirtyProperty().get());
        assertEquals("LayerLab — flowers.layerlab", projects.titleBinding().get());
        var saved = state.snapshot();
        projects.newProject();
        assertTrue(network.rows().isEmpty());
        projects.open(home.resolve("flowers.layerlab"));
        assertEquals(saved.stack(), state.stackProperty().get());
        assertEquals(saved.training(), state.trainingProperty().get());
        assertEquals(1, training.runs().size());
        assertEquals(3, network.rows().size());
        assertEquals(2, training.epochsProperty().get());
        assertEquals(
                home.resolve("flowers.layerlab").toAbsolutePath(),
                projects.recent().get(0));
    }

    @Test
    void anEditMadeWhileTheFileIsWrittenKeepsTheUnsavedMark() {
        HeldWork writing = new HeldWork();
        ProjectViewModel projects = new ProjectViewModel(state, writing, runModels, home);
        network.insert(LayerKind.FLATTEN, 0);
        projects.saveAs(home.resolve("edited"));
        network.insert(LayerKind.FLATTEN, 0);
        writing.runAll();
        assertEquals("LayerLab — edited.layerlab *", projects.titleBinding().get());
        projects.save();
        writing.runAll();
        assertFalse(state.dirtyProperty().get());
    }

    @Test
    void unsavedWorkIsKeptForRecovery() {
        ProjectViewModel projects = new ProjectViewModel(state, same, runModels, home);
        network.insert(LayerKind.FLATTEN, 0);
        projects.autosave();
        assertTrue(projects.recoveryAvailable());
        ProjectState fresh = new ProjectState();
        ProjectViewModel next =
                new ProjectViewModel(fresh, same, new RunModels(fresh, new DjlTrainingEngine(), same, home), home);
        next.recover();
        assertEquals(1, fresh.stackProperty().get().layers().size());
        assertTrue(fresh.dirtyProperty().get(), "recovered work is not saved yet");
    }
}
