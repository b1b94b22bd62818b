package org.layerlab.ui.inside;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.Samples;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.LayerOutput;
import org.layerlab.core.training.LayerWeights;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.Prediction;
import org.layerlab.errors.FailureSentence;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.project.LoadedRun;
import org.layerlab.ui.project.ProjectState;

/**
 * The Inside step: the selected run's first-layer filters, the feature maps its convolutions make of one
 * test image the student steps through, and every parameter tensor's values before and after training.
 */
public final class InsideViewModel {
    private final ProjectState state;
    private final TaskExecutor executor;
    private final ObservableBooleanValue training;
    private final ReadOnlyBooleanWrapper runSelected = new ReadOnlyBooleanWrapper(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<FilterGrid> filters = new SimpleObjectProperty<>();
    private final StringProperty sampleNote = new SimpleStringProperty("");
    private final ObjectProperty<PixelTile> sample = new SimpleObjectProperty<>();
    private final ObservableList<MapGroup> featureMaps = FXCollections.observableArrayList();
    private final StringProperty weightsNote = new SimpleStringProperty("");
    private final ObservableList<WeightDistribution> weights = FXCollections.observableArrayList();
    private Samples testSamples;
    private int sampleIndex;
    private int weightsRequest;
    private int sampleRequest;

    /** {@code training} is true while a network trains (the initial weights are made again only when not). */
    public InsideViewModel(ProjectState state, TaskExecutor executor, ObservableBooleanValue training) {
        this.state = state;
        this.executor = executor;
        this.training = training;
        state.selectedModelProperty().addListener((o, a, b) -> refresh());
        state.datasetProperty().addListener((o, a, b) -> showSamples());
        training.addListener((o, was, now) -> {
            if (!now) {
                showWeights();
            }
        });
        refresh();
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
                                                + "training: they are made again from the run's seed, and a network in "
                                                + "training draws from the same random numbers.");
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
        testSamples = null;
        sampleIndex = 0;
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
        if (data == null
                || !info.trainedOn(data.name(), data.totalCount())
                || data.test().count() == 0) {
            sampleNote.set("Load the data " + run.run().name() + " was trained on (" + info.dataName()
                    + ") on the Data tab to see what its layers make of a test image.");
            return;
        }
        testSamples = data.test();
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
        int ticket = ++sampleRequest;
        LoadedRun run = state.selectedModelProperty().get();
        Samples samples = testSamples;
        int index = sampleIndex;
        FeatureStore one = samples.features().subset(new int[] {index});
        List<String> classes = run.info().classNames();
        String position = String.format(
                Locale.ROOT,
                "Test image %,d of %,d: %s.",
                index + 1,
                samples.count(),
                classes.get(samples.labels()[index]));
        sampleNote.set(position);
        sample.set(FeatureMaps.input(one.sample(0), run.info().inputShape()));
        LayerStack stack = run.run().stack();
        executor.submit(
                () -> run.apply(model ->
                        new Seen(model.layerOutputs(one), model.predict(one).get(0))),
                seen -> {
                    if (ticket == sampleRequest) {
                        featureMaps.setAll(FeatureMaps.of(stack, seen.outputs()));
                        sampleNote.set(String.format(
                                Locale.ROOT,
                                "%s The network says %s (%.0f\u00a0%%).",
                                position,
                                classes.get(seen.prediction().predictedClass()),
                                100
                                        * seen.prediction()
                                                .probabilities()[
                                                seen.prediction().predictedClass()]));
                    }
                },
                failure -> {
                    if (ticket == sampleRequest) {
                        sampleNote.set(FailureSentence.forWindow(failure));
                    }
                });
    }

    private record Seen(List<LayerOutput> outputs, Prediction prediction) {}

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
