package org.layerlab.ui.results;

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
import org.layerlab.core.stack.Template;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.ui.SameThread;
import org.layerlab.ui.data.DataViewModel;
import org.layerlab.ui.network.NetworkViewModel;
import org.layerlab.ui.project.ProjectState;
import org.layerlab.ui.project.ProjectViewModel;
import org.layerlab.ui.project.RunModels;
import org.layerlab.ui.training.TrainingViewModel;

/** Results with a same-thread executor: runs keep their models, and the selected run is measured. */
class ResultsViewModelTest {
    @TempDir
    Path home;

    private final SameThread same = new SameThread();
    private final ProjectState state = new ProjectState();
    private RunModels runModels;
    private TrainingViewModel training;
    private ResultsViewModel results;
    private ProjectViewModel projects;

    @BeforeEach
    void wire() {
        DjlTrainingEngine engine = new DjlTrainingEngine();
        runModels = new RunModels(state, engine, same, home);
        training = new TrainingViewModel(state, engine, runModels, same, same);
        results = new ResultsViewModel(state, runModels, same);
        projects = new ProjectViewModel(state, same, runModels, home);
        new DataViewModel(state, same).loadSample("iris");
        new NetworkViewModel(state).applyTemplate(Template.IRIS_MLP);
    }

    @Test
    void aFinishedRunIsSelectedAndMeasuredOnItsTestSamples() {
        assertTrue(results.messageProperty().get().startsWith("Train a network"));
        training.epochsProperty().set(30);
        training.batchSizeProperty().set(8);
        training.start();

        assertEquals("Run 1", state.selectedRunProperty().get().name());
        assertTrue(Files.isRegularFile(home.resolve("unsaved-runs/run-1/model.json")));
        assertNotNull(state.selectedModelProperty().get());
        assertEquals(3, results.classes().size());
        assertEquals(30, results.confusionProperty().get().total(), "Iris keeps 30 of 150 rows for the test");
        assertTrue(
                results.summaryProperty().get().startsWith("Run 1 on the 30 test samples of"),
                results.summaryProperty().get());
        assertEquals(3, results.figures().size());
        assertEquals(30, results.figures().stream().mapToInt(f -> f.support()).sum());

        results.showCell(0, 0);
        assertFalse(results.examples().isEmpty());
        ExampleItem first = results.examples().get(0);
        assertEquals(first.trueClass(), first.predictedClass());
        assertTrue(first.text().startsWith("sepal_length "), first.text());
        assertNull(first.pixels());
    }

    @Test
    void aRunEndingWhileResultsAreHiddenIsShownWhenTheyAre() {
        trainWhileResultsAreHidden();

        assertNull(results.confusionProperty().get(), "nothing is built for a step no one sees");
        assertTrue(results.examples().isEmpty());
        results.shownProperty().set(true);
        assertEquals(30, results.confusionProperty().get().total());
        assertTrue(
                results.summaryProperty().get().startsWith("Run 1 on the 30 test samples of"),
                results.summaryProperty().get());
        assertFalse(results.busyProperty().get());
    }

    @Test
    void aMeasurementThatFailsWhileResultsAreHiddenIsNotHiddenByOlderResults() {
        trainWhileResultsAreHidden(); // measured, waiting to be shown
        results.evaluateOn(home.resolve("no-such-file.csv"));

        results.shownProperty().set(true);
        assertTrue(
                results.messageProperty().get().contains("no-such-file.csv"),
                results.messageProperty().get());
        assertNull(results.confusionProperty().get());
    }

    private void trainWhileResultsAreHidden() {
        results.shownProperty().set(false);
        training.epochsProperty().set(2);
        training.start();
    }

    @Test
    void switchingRunsMeasuresTheOtherModelAndReleasesTheFirst() {
        training.epochsProperty().set(1);
        training.learningRateProperty().set(1e-6);
        training.start();
        var weak = state.selectedModelProperty().get();
        training.epochsProperty().set(40);
        training.learningRateProperty().set(0.01);
        training.batchSizeProperty().set(8);
        training.start();
        assertEquals("Run 2", state.selectedRunProperty().get().name());
        assertTrue(weak.isClosed(), "selecting another run releases the model of the first");
        String strong = results.summaryProperty().get();

        state.selectedRunProperty().set(state.runs().get(0));
        assertTrue(
                results.summaryProperty().get().startsWith("Run 1 on"),
                results.summaryProperty().get());
        assertFalse(strong.equals(results.summaryProperty().get()));
    }

    @Test
    void savedProjectsKeepTheirModelsBesideThem() {
        training.epochsProperty().set(2);
        training.start();
        projects.saveAs(home.resolve("flowers"));
        assertTrue(Files.isRegularFile(home.resolve("flowers.runs/run-1/model.json")));
        assertFalse(Files.exists(home.resolve("unsaved-runs/run-1")), "the unsaved copy is gone once saved");

        projects.newProject();
        assertNull(state.selectedModelProperty().get());
        projects.open(home.resolve("flowers.layerlab"));
        state.selectedRunProperty().set(state.runs().get(0));
        assertNotNull(state.selectedModelProperty().get(), "reopening a project brings its models back");

        training.delete(training.runs().get(0));
        assertTrue(state.runs().isEmpty());
        assertNull(state.selectedModelProperty().get());
        assertFalse(Files.exists(home.resolve("flowers.runs/run-1")));
    }

    @Test
    void aDamagedModelIsReportedInPlaceAndTheOtherRunsStillWork() throws Exception {
        training.epochsProperty().set(2);
        training.start();
        training.start();
        Path weights;
        try (var files = Files.list(home.resolve("unsaved-runs/run-1"))) {
            weights = files.filter(f -> f.toString().endsWith(".params"))
                    .findFirst()
                    .orElseThrow();
        }
        Files.write(weights, new byte[] {1, 2, 3});

        state.selectedRunProperty().set(state.runs().get(0));
        assertNull(state.selectedModelProperty().get());
        assertTrue(
                results.messageProperty().get().contains("the weights cannot be loaded"),
                results.messageProperty().get());
        state.selectedRunProperty().set(state.runs().get(1));
        assertTrue(
                results.summaryProperty().get().startsWith("Run 2 on"),
                results.summaryProperty().get());
    }
}
