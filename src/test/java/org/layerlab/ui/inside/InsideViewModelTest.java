package org.layerlab.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.LayerWeights;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.testing.TinyData;
import org.layerlab.ui.SameThread;
import org.layerlab.ui.common.Sketch;
import org.layerlab.ui.project.LoadedRun;
import org.layerlab.ui.project.ProjectState;

/** The Inside step's figures for a small trained CNN, computed on the calling thread. */
class InsideViewModelTest {
    private static final LayerStack CNN = LayerStack.of(
            TensorShape.of(1, 8, 8),
            new Conv2D(5, 3),
            Activation.RELU,
            new MaxPool2D(2, 2),
            new Flatten(),
            new Dense(2));
    private static final TrainingConfig CONFIG =
            TrainingConfig.DEFAULT.withEpochs(2).withBatchSize(8);
    private static Dataset data;
    private static LoadedRun run;

    private final ProjectState state = new ProjectState();
    private final SimpleBooleanProperty training = new SimpleBooleanProperty(false);
    private InsideViewModel inside;

    @BeforeAll
    static void train() {
        data = TinyData.halves(20, 1);
        run = new LoadedRun(
                new RunRecord("Run 1", "", data.name(), CNN, CONFIG, List.of(), "COMPLETED", 1, 0),
                new DjlTrainingEngine()
                        .train(data, CNN, CONFIG, TrainingObserver.NONE, new TrainingControl())
                        .model());
    }

    @AfterAll
    static void close() {
        run.close();
    }

    @BeforeEach
    void open() {
        inside = new InsideViewModel(state, new SameThread(), training);
    }

    @Test
    void eachParameterTensorsHistogramsCountAllItsValuesBeforeAndAfter() {
        state.selectedModelProperty().set(run);
        List<LayerWeights> tensors = run.apply(model -> model.weights());
        assertEquals(tensors.size(), inside.weights().size(), "one histogram per parameter tensor");
        for (int i = 0; i < tensors.size(); i++) {
            WeightDistribution shown = inside.weights().get(i);
            assertEquals(tensors.get(i).size(), shown.after().total(), shown.title());
            assertEquals(tensors.get(i).size(), shown.before().total(), shown.title());
        }
        assertEquals(
                "Layer 1, Conv2D(5, 3×3): weight (5, 1, 3, 3), 45 values",
                inside.weights().get(0).title());
        assertFalse(
                Arrays.equals(
                        inside.weights().get(0).before().counts(),
                        inside.weights().get(0).after().counts()),
                "training moved the filters");
    }

    @Test
    void theWeightsBeforeTrainingWaitWhileANetworkTrains() {
        training.set(true);
        state.selectedModelProperty().set(run);
        assertNull(inside.weights().get(0).before());
        assertTrue(inside.weightsNoteProperty().get().contains("once no network is training"));
        training.set(false);
        assertNotNull(inside.weights().get(0).before());
        assertTrue(inside.weightsNoteProperty().get().startsWith("Grey: the weights Run 1 started from"));
    }

    @Test
    void theFiltersAndTheFeatureMapsOfTheChosenTestImage() {
        state.selectedModelProperty().set(run);
        assertNull(inside.sampleProperty().get(), "no data loaded");
        assertTrue(inside.sampleNoteProperty()
                .get()
                .startsWith("Draw an image, or load the data Run 1 was trained on (halves)"));
        assertFalse(inside.testImagesProperty().get());
        assertEquals(5, inside.filtersProperty().get().filters().size());

        state.datasetProperty().set(data);
        assertTrue(
                inside.sampleNoteProperty().get().startsWith("Test image 1 of 20: "),
                inside.sampleNoteProperty().get());
        assertEquals(
                List.of(5, 5),
                inside.featureMaps().stream().map(g -> g.maps().size()).toList());
        int[] first = inside.featureMaps().get(0).maps().get(0).argb();
        inside.previousSample();
        assertTrue(inside.sampleNoteProperty().get().startsWith("Test image 20 of 20: "), "wraps around");
        assertFalse(
                Arrays.equals(first, inside.featureMaps().get(0).maps().get(0).argb()));
    }

    @Test
    void aDrawingIsSeenAsTheNetworkReceivesItAndClearGoesBackToTheTestImage() {
        state.selectedModelProperty().set(run);
        state.datasetProperty().set(data);
        inside.nextSample();
        Sketch sketch = inside.sketchProperty().get();
        assertEquals(280, sketch.width(), "the canvas of Try it, a whole multiple of 8 pixels");
        inside.draw(20, 20, 20, 250);
        assertTrue(
                inside.sampleNoteProperty().get().startsWith("Your drawing. The network says "),
                inside.sampleNoteProperty().get());
        PixelTile seen = inside.sampleProperty().get();
        assertEquals(8, seen.width(), "the drawing as the network receives it");
        assertTrue(Arrays.stream(seen.argb()).distinct().count() > 1, "the stroke is in it");
        assertEquals(2, inside.featureMaps().size());

        inside.clearDrawing();
        assertTrue(inside.sketchProperty().get().isEmpty());
        assertTrue(inside.sampleNoteProperty().get().startsWith("Test image 2 of 20: "), "where the student was");
    }

    @Test
    void aNetworkWithoutConvolutionsHasWeightsButNoFiltersOrMaps() {
        LayerStack mlp = LayerStack.of(TensorShape.of(1, 8, 8), new Flatten(), new Dense(2));
        try (LoadedRun dense = new LoadedRun(
                new RunRecord("Run 2", "", data.name(), mlp, CONFIG, List.of(), "COMPLETED", 1, 0),
                new DjlTrainingEngine()
                        .train(data, mlp, CONFIG, TrainingObserver.NONE, new TrainingControl())
                        .model())) {
            state.datasetProperty().set(data);
            state.selectedModelProperty().set(dense);
            assertNull(inside.filtersProperty().get());
            assertNull(inside.sampleProperty().get());
            assertEquals(
                    "Feature maps are what convolutions make of an image; Run 2 has no Conv2D layer.",
                    inside.sampleNoteProperty().get());
            assertEquals(2, inside.weights().size());
            assertTrue(inside.runSelectedProperty().get());
            state.selectedModelProperty().set(null);
        }
        assertFalse(inside.runSelectedProperty().get());
        assertTrue(inside.weights().isEmpty());
        assertTrue(inside.messageProperty().get().startsWith("Train a network on the Training tab"));
    }

    @Test
    void nothingIsWorkedOutWhileTheStepIsHiddenAndAllWhenItIsShown() {
        inside.shownProperty().set(false);
        state.datasetProperty().set(data);
        state.selectedModelProperty().set(run);
        assertTrue(inside.weights().isEmpty());
        assertNull(inside.sampleProperty().get());
        inside.shownProperty().set(true);
        assertEquals(4, inside.weights().size());
        assertNotNull(inside.sampleProperty().get());
    }

    @Test
    void aHistogramCountsEveryValueOnceAndClampsTheEdges() {
        Histogram histogram = Histogram.of(new float[] {-5, 0, 0.1f, 0.99f, 1, 7}, 0, 1, 4);
        assertEquals(6, histogram.total());
        assertEquals(
                List.of(3, 0, 0, 3), Arrays.stream(histogram.counts()).boxed().toList());
    }
}
