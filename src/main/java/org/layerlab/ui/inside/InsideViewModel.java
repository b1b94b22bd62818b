package org.layerlab.ui.inside;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Samples;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.LayerWeights;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.errors.FailureSentence;
import org.layerlab.ui.common.Sketch;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.common.WhenShown;
import org.layerlab.ui.project.LoadedRun;
import org.layerlab.ui.project.ProjectState;

/**
 * The Inside step: the selected run's first-layer filters, the feature maps its convolutions make of one
 * test image the student steps through (or of the student's drawing), and every parameter tensor's values
 * before and after training.
 */
public final class InsideViewModel {
    private final ProjectState state;
    private final TaskExecutor executor;
    private final ObservableBooleanValue training;
    private final ReadOnlyBooleanWrapper runSelected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper testImages = new ReadOnlyBooleanWrapper(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<FilterGrid> filters = new SimpleObjectProperty<>();
    private final StringProperty sampleNote = new SimpleStringProperty("");
    private final ObjectProperty<PixelTile> sample = new SimpleObjectProperty<>();
    private final ObservableList<MapGroup> featureMaps = FXCollections.observableArrayList();
    private final StringProperty weightsNote = new SimpleStringProperty("");
    private final ObservableList<WeightDistribution> weights = FXCollections.observableArrayList();
    private final ObjectProperty<Sketch> sketch = new SimpleObjectProperty<>();
    private final WhenShown step = new WhenShown();
    private final FeatureMapJobs jobs;

    private Samples testSamples;
    private int sampleIndex;
    private int weightsRequest;

    /** {@code training} is true while a network trains (the initial weights are made again only when not). */
    public InsideViewModel(ProjectState state, TaskExecutor executor, ObservableBooleanValue training) {
        this.state = state;
        this.executor = executor;
        this.training = training;
        this.jobs =
                new FeatureMapJobs(executor, this::seen, failure -> sampleNote.set(FailureSentence.forWindow(failure)));
        state.selectedModelProperty().addListener((o, a, b) -> whenShown(this::refresh));
        state.datasetProperty().addListener((o, a, b) -> whenShown(this::showSamples));
        training.addListener((o, was, now) -> {
            if (!now) {
                whenShown(this::showWeights);
            }
        });
        refresh();
    }

    /**
     * Looking inside costs a second model (the initial weights) and copies of every weight: it is done for
     * the step the student sees, not for every run selected elsewhere.
     */
    private void whenShown(Runnable update) {
        if (step.isShown()) {
            update.run();
        } else {
            step.run(this::refresh); // something changed while hidden: all of it is worked out when shown
        }
    }

    private void refresh() {
        runSelected.set(state.selectedModelProperty().get() != null);
        showWeights();
        showSamples();
    }

    private void showWeights() {
        int ticket = ++weightsRequest;
        LoadedRun run = state.selectedModelProperty().get();
        filters.set(null);
        weights.clear();
        if (run == null) {
            message.set("Train a network on the Training tab and select its run to look inside it.");
            weightsNote.set("");
            return;
        }
        message.set("Looking inside " + run.run().name() + "…");
        boolean withBefore = !training.get();
        long seed = run.run().config().seed();
        LayerStack stack = run.run().stack();
        executor.submit(
                () -> run.apply(model -> {
                    List<LayerWeights> after = model.weights();
                    List<LayerWeights> before = withBefore ? model.initialWeights(seed) : null;
                    return new Look(
                            FilterPictures.of(stack, after).orElse(null), WeightDistributions.of(stack, after, before));
                }),
                look -> {
                    if (ticket == weightsRequest) {
                        message.set("");
                        filters.set(look.filters());
                        weights.setAll(look.distributions());
                        weightsNote.set(
                                withBefore
                                        ? "Grey: the weights " + run.run().name()
                                                + " started from (made again from its seed, " + seed
                                                + "). Blue: after training."
                                        : "Blue: after training. The weights before training are shown once no network is "
                                                + "training: they are made again from the run's seed, with the random numbers a "
                                                + "starting run draws its weights from.");
                    }
                },
                failure -> {
                    if (ticket == weightsRequest) {
                        message.set(FailureSentence.forWindow(failure));
                    }
                });
    }

    private record Look(FilterGrid filters, List<WeightDistribution> distributions) {}

    /** Starts again at the first test image of the loaded data, when the selected run was trained on it. */
    private void showSamples() {
        LoadedRun run = state.selectedModelProperty().get();
        Dataset data = state.datasetProperty().get();
        jobs.forget();
        testSamples = null;
        testImages.set(false);
        sampleIndex = 0;
        sketch.set(null);
        sample.set(null);
        featureMaps.clear();
        if (run == null) {
            sampleNote.set("");
            return;
        }
        ModelInfo info = run.info();
        if (run.run().stack().layers().stream().noneMatch(Conv2D.class::isInstance)) {
            sampleNote.set("Feature maps are what convolutions make of an image; "
                    + run.run().name() + " has no Conv2D layer.");
            return;
        }
        if (info.preprocessing() instanceof Preprocessing.Image image) {
            sketch.set(new Sketch(image));
        }
        if (data == null
                || !info.trainedOn(data.name(), data.totalCount())
                || data.test().count() == 0) {
            sampleNote.set("Draw an image, or load the data " + run.run().name() + " was trained on (" + info.dataName()
                    + ") on the Data tab to step through its test images.");
            return;
        }
        testSamples = data.test();
        testImages.set(true);
        showSample();
    }

    public void nextSample() {
        step(1);
    }

    public void previousSample() {
        step(-1);
    }

    private void step(int by) {
        if (testSamples != null) {
            sampleIndex = Math.floorMod(sampleIndex + by, testSamples.count());
            showSample();
        }
    }

    private void showSample() {
        Samples samples = testSamples;
        int index = sampleIndex;
        LoadedRun run = state.selectedModelProperty().get();
        String caption = String.format(
                Locale.ROOT,
                "Test image %,d of %,d: %s.",
                index + 1,
                samples.count(),
                run.info().classNames().get(samples.labels()[index]));
        sampleNote.set(caption);
        jobs.ask(run, new FeatureMapJobs.Input(() -> samples.features().subset(new int[] {index}), caption));
    }

    /** Draws a piece of stroke on the canvas (canvas pixels) and shows what the layers make of the drawing. */
    public void draw(double x0, double y0, double x1, double y1) {
        Sketch canvas = sketch.get();
        if (canvas == null) {
            return;
        }
        canvas.line(x0, y0, x1, y1);
        Sketch.Drawing drawing = canvas.copy();
        jobs.ask(
                state.selectedModelProperty().get(),
                new FeatureMapJobs.Input(
                        () -> {
                            byte[] pixels = canvas.prepare(drawing)
                                    .orElseThrow(() -> new IllegalArgumentException("Draw with the mouse first."));
                            return new ByteFeatures(pixels, pixels.length);
                        },
                        "Your drawing."));
    }

    /** An empty canvas again, and the test image where the student was (if there are test images). */
    public void clearDrawing() {
        Sketch canvas = sketch.get();
        if (canvas == null) {
            return;
        }
        sketch.set(new Sketch(canvas.input()));
        if (testSamples != null) {
            showSample();
        } else {
            jobs.forget();
            sample.set(null);
            featureMaps.clear();
        }
    }

    private void seen(FeatureMapJobs.Seen seen) {
        sample.set(seen.picture());
        featureMaps.setAll(seen.maps());
        sampleNote.set(seen.caption());
    }

    /** True while the student sees this step (the window binds it to its tab); true unless told otherwise. */
    public BooleanProperty shownProperty() {
        return step.shownProperty();
    }

    /** True while a run's model is selected and loaded: there is something to look inside. */
    public ReadOnlyBooleanProperty runSelectedProperty() {
        return runSelected.getReadOnlyProperty();
    }

    /** What is missing or went wrong; empty when all is shown. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The first convolution's filters; null for a network without one or while none is selected. */
    public ObjectProperty<FilterGrid> filtersProperty() {
        return filters;
    }

    /** Which test image is shown and what the network says, or why none is. */
    public StringProperty sampleNoteProperty() {
        return sampleNote;
    }

    /** True while there are test images to step through (the run's data is loaded). */
    public ReadOnlyBooleanProperty testImagesProperty() {
        return testImages.getReadOnlyProperty();
    }

    /** The drawing of a CNN on images; a new one after Clear; null for other networks. */
    public ObjectProperty<Sketch> sketchProperty() {
        return sketch;
    }

    /** The image shown (a test image or the drawing) as the network receives it; null while there is none. */
    public ObjectProperty<PixelTile> sampleProperty() {
        return sample;
    }

    public ObservableList<MapGroup> featureMaps() {
        return featureMaps;
    }

    /** What the histograms' two colours are, or why the weights before training are not shown. */
    public StringProperty weightsNoteProperty() {
        return weightsNote;
    }

    public ObservableList<WeightDistribution> weights() {
        return weights;
    }
}
