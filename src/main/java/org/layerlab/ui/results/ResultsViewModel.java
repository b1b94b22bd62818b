package org.layerlab.ui.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.project.DataSettings;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.training.ClassFigures;
import org.layerlab.core.training.ConfusionMatrix;
import org.layerlab.core.training.Evaluation;
import org.layerlab.core.training.Examples;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.data.DataLoading;
import org.layerlab.data.DataRequest;
import org.layerlab.data.DataRequests;
import org.layerlab.data.EvaluationData;
import org.layerlab.errors.FailureSentence;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.common.WhenShown;
import org.layerlab.ui.project.LoadedRun;
import org.layerlab.ui.project.ProjectState;
import org.layerlab.ui.project.RunModels;

/**
 * The Results step: the selected run measured on its test samples (or on other data the student picks),
 * with the confusion matrix, per-class figures, and the examples behind any cell.
 */
public final class ResultsViewModel {
    static final int MISTAKES_SHOWN = 40;

    private final ProjectState state;
    private final TaskExecutor executor;
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty examplesTitle = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<ConfusionMatrix> confusion = new SimpleObjectProperty<>();
    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ObservableList<ClassFigures> figures = FXCollections.observableArrayList();
    private final ObservableList<ExampleItem> examples = FXCollections.observableArrayList();
    private final WhenShown step = new WhenShown();
    private Results displayed;

    private int request;

    public ResultsViewModel(ProjectState state, RunModels runModels, TaskExecutor executor) {
        this.state = state;
        this.executor = executor;
        runModels.messageProperty().addListener((o, a, problem) -> {
            if (!problem.isEmpty()) {
                message.set(problem);
            }
        });
        state.selectedModelProperty().addListener((o, a, b) -> evaluateOnProjectData());
        state.datasetProperty().addListener((o, a, b) -> evaluateOnProjectData());
        state.selectedRunProperty().addListener((o, a, run) -> {
            // Unless opening it has already failed (the failure is the message to keep).
            if (run != null
                    && state.selectedModelProperty().get() == null
                    && runModels.messageProperty().get().isEmpty()) {
                clear("Opening the model of " + run.name() + "…");
            }
        });
        evaluateOnProjectData();
    }

    /** Measures the selected run on the test samples of the loaded data, when it is the run's own data. */
    public void evaluateOnProjectData() {
        LoadedRun run = state.selectedModelProperty().get();
        Dataset data = state.datasetProperty().get();
        DataSettings settings = state.dataSettingsProperty().get();
        if (run == null) {
            clear(
                    state.selectedRunProperty().get() == null
                            ? "Train a network on the Training tab, then select its run to see what it gets wrong."
                            : "");
            return;
        }
        ModelInfo info = run.info();
        if (data == null || !info.trainedOn(data.name(), data.totalCount())) {
            clear(run.run().name() + " was trained on " + describe(info) + ", not on the data loaded now"
                    + (data == null ? "" : " (" + data.name() + ")")
                    + ". Load that data on the Data tab, or choose \"Evaluate on other data…\".");
            return;
        }
        boolean sameTestRows = data.split().sameTestRows(info.split());
        evaluate(run, () -> {
            if (sameTestRows || settings == null) {
                return new Measured(
                        data.test(),
                        data,
                        String.format(
                                Locale.ROOT,
                                "the %,d test samples of %s",
                                data.test().count(),
                                data.name()));
            }
            // The run was trained with another seed or test share: its own test rows are other rows.
            DataRequest request = DataRequests.from(
                            settings,
                            info.split().validationFraction(),
                            info.split().seed())
                    .withSplit(info.split());
            Dataset own = DataLoading.load(request);
            return new Measured(
                    own.test(),
                    own,
                    String.format(
                            Locale.ROOT,
                            "the %,d test samples of %s (the run's split)",
                            own.test().count(),
                            own.name()));
        });
    }

    /** Measures the selected run on every sample of other labelled data (a file or a folder of class folders). */
    public void evaluateOn(Path source) {
        LoadedRun run = state.selectedModelProperty().get();
        if (run == null) {
            message.set("Select a trained run first.");
            return;
        }
        evaluate(run, () -> {
            EvaluationData data = EvaluationData.load(run.info(), DataRequest.of(source.toString()));
            return new Measured(data.samples(), data.dataset(), data.description());
        });
    }

    private interface Source {
        Measured get() throws Exception;
    }

    /** The samples a run is measured on, and a sentence saying which. */
    private record Measured(org.layerlab.core.data.Samples samples, Dataset dataset, String description) {}

    private void evaluate(LoadedRun run, Source source) {
        int ticket = ++request;
        step.forget(); // superseded, whether this measurement succeeds or fails
        busy.set(true);
        message.set("Measuring " + run.run().name() + "…");
        executor.submit(
                () -> {
                    Measured data = source.get();
                    Evaluation evaluation = run.apply(model -> model.evaluate(data.samples()));
                    return new Results(
                            run.run().name(),
                            data.description(),
                            data.samples(),
                            evaluation,
                            run.info().classNames(),
                            run.info().preprocessing());
                },
                results -> {
                    if (ticket == request) {
                        busy.set(false);
                        // Measured as soon as a run ends, so that the results are ready when the student looks;
                        // a hundred matrix cells and the mistakes' pictures are built then, not as training ends.
                        step.run(() -> show(results));
                    }
                },
                failure -> {
                    if (ticket == request) {
                        busy.set(false);
                        message.set(FailureSentence.forWindow(failure));
                    }
                });
    }

    private void show(Results results) {
        displayed = results;
        Evaluation evaluation = results.evaluation();
        message.set("");
        summary.set(String.format(
                Locale.ROOT,
                "%s on %s: accuracy %.1f %% (%,d of %,d right), loss %.4f",
                results.runName(),
                results.description(),
                100 * evaluation.accuracy(),
                Math.round(evaluation.accuracy() * results.samples().count()),
                results.samples().count(),
                evaluation.loss()));
        classes.setAll(results.classes());
        figures.setAll(ClassFigures.of(evaluation.confusion(), results.classes()));
        confusion.set(evaluation.confusion());
        showMistakes();
    }

    /** The examples of one cell: samples of class {@code actual} predicted as {@code predicted}. */
    public void showCell(int actual, int predicted) {
        if (displayed == null) {
            return;
        }
        List<Integer> found = Examples.inCell(
                displayed.samples().labels(), displayed.evaluation().predictions(), actual, predicted);
        examplesTitle.set(String.format(
                Locale.ROOT,
                "%s predicted as %s: %d sample%s, most confident first",
                displayed.classes().get(actual),
                displayed.classes().get(predicted),
                found.size(),
                found.size() == 1 ? "" : "s"));
        fill(found);
    }

    /** The mistakes the model was most sure of. */
    public void showMistakes() {
        if (displayed == null) {
            return;
        }
        List<Integer> found = Examples.confidentMistakes(
                displayed.samples().labels(), displayed.evaluation().predictions(), MISTAKES_SHOWN);
        examplesTitle.set(
                found.isEmpty()
                        ? "No mistakes on these samples."
                        : "Most confident mistakes (" + found.size()
                                + " shown): click a cell of the matrix for others");
        fill(found);
    }

    private void fill(List<Integer> indices) {
        examples.setAll(indices.stream()
                .limit(MISTAKES_SHOWN * 5L)
                .map(i -> ExampleItem.of(
                        i,
                        displayed.samples(),
                        displayed.evaluation().predictions().get(i),
                        displayed.classes(),
                        displayed.preprocessing()))
                .toList());
    }

    private void clear(String why) {
        request++;
        busy.set(false);
        displayed = null;
        step.forget();
        message.set(why);
        summary.set("");
        examplesTitle.set("");
        confusion.set(null);
        classes.clear();
        figures.clear();
        examples.clear();
    }

    private static String describe(ModelInfo info) {
        return info.dataSamples() > 0
                ? String.format(Locale.ROOT, "%s (%,d samples)", info.dataName(), info.dataSamples())
                : "other data";
    }

    /** The project's runs, for choosing which one to look at. */
    public ObservableList<RunRecord> runs() {
        return state.runs();
    }

    public ObjectProperty<RunRecord> selectedRunProperty() {
        return state.selectedRunProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty examplesTitleProperty() {
        return examplesTitle;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Whether the step is on screen (bound to its tab); results measured while it is not wait for it. */
    public BooleanProperty shownProperty() {
        return step.shownProperty();
    }

    public ObjectProperty<ConfusionMatrix> confusionProperty() {
        return confusion;
    }

    public ObservableList<String> classes() {
        return classes;
    }

    public ObservableList<ClassFigures> figures() {
        return figures;
    }

    public ObservableList<ExampleItem> examples() {
        return examples;
    }
}
