package org.layerlab.ui.training;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.project.RunDiff;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.core.training.TrainingEvent;
import org.layerlab.errors.FailureSentence;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.common.UiDispatcher;
import org.layerlab.ui.project.ProjectState;
import org.layerlab.ui.project.RunModels;

/**
 * The training step: the settings ({@link TrainingForm}), Start / Pause / Resume / Stop of the one run that
 * may train at a time ({@link RunLifecycle}), live curves and progress, and every run kept for comparison,
 * grouped by data set ({@link RunsByData}). Training runs in the background; its events reach the screen
 * through an {@link EventBuffer}, a few times a second at most.
 */
public final class TrainingViewModel {
    static final long SCREEN_INTERVAL_NANOS = 500_000_000L;

    private final ProjectState project;
    private final TrainingEngine engine;
    private final RunModels runModels;
    private final TaskExecutor executor;
    private final UiDispatcher ui;
    private final TrainingForm form;
    private final RunLifecycle lifecycle = new RunLifecycle();
    private final RunsByData runs = new RunsByData();
    private final RunProgress progress = new RunProgress();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** The message says why Start refused, or invites to press Start: it is out of date after any edit. */
    private boolean messageAboutSettings;

    private final ObjectProperty<RunView> currentRun = new SimpleObjectProperty<>();
    private final IntegerBinding chartEpochs;
    private final DataDefaults dataDefaults;

    public TrainingViewModel(
            ProjectState project, TrainingEngine engine, RunModels runModels, TaskExecutor executor, UiDispatcher ui) {
        this.project = project;
        this.engine = engine;
        this.runModels = runModels;
        this.executor = executor;
        this.ui = ui;
        this.form = new TrainingForm(project.trainingProperty());
        this.chartEpochs = Bindings.createIntegerBinding(
                () -> lifecycle
                        .config()
                        .map(TrainingConfig::epochs)
                        .orElse(form.epochs().get()),
                form.epochs(),
                lifecycle.runningProperty());
        project.openedProperty().addListener((o, a, b) -> projectOpened());
        project.datasetProperty().addListener((o, a, data) -> {
            runs.dataLoaded(data == null ? null : data.name());
            settingsEdited();
        });
        project.stackProperty().addListener((o, a, b) -> settingsEdited());
        project.trainingProperty().addListener((o, a, b) -> settingsEdited());
        // Written to the project's settings, which the form shows (at once, or when a running run ends).
        dataDefaults = new DataDefaults(
                project,
                chosen -> project.trainingProperty()
                        .set(project.trainingProperty()
                                .get()
                                .withBatchSize(chosen.batchSize())
                                .withEpochs(chosen.epochs())));
    }

    private void projectOpened() {
        List<RunView> views = new java.util.ArrayList<>();
        for (RunRecord record : project.runs()) {
            views.add(RunView.of(record, views.size()));
        }
        runs.all().setAll(views);
        Dataset data = project.datasetProperty().get();
        runs.dataLoaded(data == null ? null : data.name());
        currentRun.set(null);
        progress.reset();
        say("");
    }

    private void settingsEdited() {
        if (messageAboutSettings) {
            say("");
        }
    }

    private void say(String text) {
        message.set(text);
        messageAboutSettings = false;
    }

    private void sayAboutSettings(String text) {
        message.set(text);
        messageAboutSettings = true;
    }

    /** Invites the student to press Start, e.g. once a welcome example is in place. */
    public void invite(String text) {
        if (!lifecycle.runningProperty().get()) {
            sayAboutSettings(text);
        }
    }

    /** The settings as the form shows them. */
    public TrainingConfig config() {
        return form.config();
    }

    /** Starts a run, or explains in {@code message} why it cannot start. */
    public void start() {
        start("", record -> {});
    }

    /**
     * Starts a run whose label begins with its {@code role} in a lesson (none if empty); {@code ended} gets its
     * record once it has ended, whichever way. Returns whether it started.
     */
    boolean start(String role, Consumer<RunRecord> ended) {
        if (lifecycle.runningProperty().get()) {
            return false;
        }
        Dataset data = project.datasetProperty().get();
        TrainingConfig config = config();
        StartCheck check = StartCheck.of(data, project.stackProperty().get(), config, engine.memoryBudget());
        if (!check.ok()) {
            sayAboutSettings(check.refusal());
            return false;
        }
        RunDiff.Setup setup = new RunDiff.Setup(data.name(), check.stack(), config);
        String difference = RunDiff.describe(previousSetup(), setup);
        String label = role.isEmpty() ? difference : role + " · " + difference;
        RunJob.Plan plan = new RunJob.Plan(nextRunName(), label, data.name(), check.stack(), config);
        RunView run = new RunView(
                plan.name(), label, data.name(), config.epochs(), runs.all().size());
        runs.all().add(run);
        runs.shownDataProperty().set(data.name());
        currentRun.set(run);
        TrainingControl control = lifecycle.begin(run, config);
        form.lockOn(config);
        progress.starting();
        say("");
        int openedAtStart = project.openedProperty().get();
        EventBuffer buffer = new EventBuffer(ui, update -> show(run, update), SCREEN_INTERVAL_NANOS);
        RunJob job = new RunJob(
                plan, data, project.dataSettingsProperty().get(), engine, runModels.store(), buffer, control);
        // Training takes both cores from its first moment: it starts once the window shows the run as started,
        // so that the busiest frame of the run (every setting turns disabled, a row and curves appear) is
        // drawn first. The wait is about two frames.
        ui.afterShown(() -> executor.submit(job, record -> finish(run, record, openedAtStart, ended), failure -> {
            say(FailureSentence.forWindow(failure));
            finish(run, plan.failed(), openedAtStart, ended);
        }));
        return true;
    }

    private RunDiff.Setup previousSetup() {
        List<RunRecord> done = project.runs();
        return done.isEmpty() ? null : RunDiff.Setup.of(done.get(done.size() - 1));
    }

    private void show(RunView run, EventBuffer.Update update) {
        for (TrainingEvent event : update.milestones()) {
            if (event instanceof TrainingEvent.EpochEnded epoch) {
                run.addTrainingIfMissing(epoch);
                run.addValidation(epoch);
                progress.epochEnded(epoch);
            } else if (event instanceof TrainingEvent.Finished finished) {
                say(finished.message());
            }
        }
        TrainingEvent.BatchEnded batch = update.lastBatch();
        if (batch != null && lifecycle.run().orElse(null) == run) {
            double x = batch.epoch() - 1 + (double) batch.batch() / batch.batchesPerEpoch();
            run.addBatchPoint(x, update.smoothedLoss(), update.smoothedAccuracy());
            progress.batchEnded(run, batch);
        }
    }

    /**
     * The run has ended, whichever way: its row says how, and it joins the project it was started in (a run
     * of a project since replaced is not added to the new one).
     */
    private void finish(RunView run, RunRecord record, int openedAtStart, Consumer<RunRecord> ended) {
        boolean sameProject = project.openedProperty().get() == openedAtStart;
        if (sameProject) {
            project.runs().add(record);
            run.bestEpochProperty().set(record.bestEpoch());
            if (keepsModel(record)) {
                project.selectedRunProperty().set(record);
            }
            progress.ended(run, RunView.resultOf(record), record.outcome().equals("COMPLETED"));
        }
        form.unlock();
        lifecycle.end(RunView.resultOf(record));
        ended.accept(record);
    }

    /** Diverged and failed runs end without a model; every other run kept one. */
    private static boolean keepsModel(RunRecord record) {
        return !record.outcome().equals("DIVERGED") && !record.outcome().equals("FAILED");
    }

    /** "Run N" with N one more than the highest so far, so that a deleted run's name is never reused. */
    private String nextRunName() {
        int highest = 0;
        for (RunView view : runs.all()) {
            String number = view.name().replaceAll("\\D", "");
            if (!number.isEmpty()) {
                highest = Math.max(highest, Integer.parseInt(number));
            }
        }
        return "Run " + (highest + 1);
    }

    /** The finished run shown by {@code view}, if it has finished. */
    private Optional<RunRecord> record(RunView view) {
        return project.runs().stream()
                .filter(r -> view != null && r.name().equals(view.name()))
                .findFirst();
    }

    /** Selects a run for Results, Try it and Export; a run still training has nothing to show yet. */
    public void select(RunView view) {
        project.selectedRunProperty().set(record(view).orElse(null));
    }

    /** Deletes a finished run with its model; the run being trained cannot be deleted. */
    public void delete(RunView view) {
        record(view).ifPresent(record -> {
            runs.all().remove(view);
            runModels.delete(record);
        });
    }

    /** The list entry of the selected run, for the runs list to show as selected. */
    public Optional<RunView> viewOf(RunRecord record) {
        return runs.all().stream()
                .filter(v -> record != null && v.name().equals(record.name()))
                .findFirst();
    }

    public void pause() {
        lifecycle.pause();
        if (lifecycle.pausedProperty().get()) {
            progress.paused();
        }
    }

    public void resume() {
        lifecycle.resume();
    }

    public void stop() {
        lifecycle.stop();
    }

    /**
     * Runs {@code then}, which replaces or closes the project, once no run trains. While one does, asks
     * {@code agrees} whether to stop it ("A network is training. Stop it and {@code action}?"); if so, stops
     * it and waits until it has ended, so that the run is kept in the project it was started in.
     */
    public void stopFirst(String action, Predicate<String> agrees, Runnable then) {
        if (lifecycle.runningProperty().get() && !agrees.test("A network is training. Stop it and " + action + "?")) {
            return;
        }
        lifecycle.afterEnd(then);
        lifecycle.stop();
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return form.optimizer();
    }

    public DoubleProperty learningRateProperty() {
        return form.learningRate();
    }

    public DoubleProperty momentumProperty() {
        return form.momentum();
    }

    public DoubleProperty rhoProperty() {
        return form.rho();
    }

    public DoubleProperty beta1Property() {
        return form.beta1();
    }

    public DoubleProperty beta2Property() {
        return form.beta2();
    }

    public ObjectProperty<LossKind> lossProperty() {
        return form.loss();
    }

    public IntegerProperty epochsProperty() {
        return form.epochs();
    }

    public IntegerProperty batchSizeProperty() {
        return form.batchSize();
    }

    public DoubleProperty validationFractionProperty() {
        return form.validationFraction();
    }

    public LongProperty seedProperty() {
        return form.seed();
    }

    public IntegerProperty patienceProperty() {
        return form.patience();
    }

    public BooleanProperty keepBestProperty() {
        return form.keepBest();
    }

    /** True while a run trains: the form then shows that run's settings and takes no edits. */
    public ReadOnlyBooleanProperty formLockedProperty() {
        return form.lockedProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return lifecycle.runningProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return lifecycle.pausedProperty();
    }

    public DoubleProperty progressProperty() {
        return progress.fraction();
    }

    public StringProperty progressTextProperty() {
        return progress.line();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Every run of the project, of every data set. */
    public ObservableList<RunView> runs() {
        return runs.all();
    }

    /** The runs of the data set chosen in {@link #shownDataProperty}, for the runs list and the charts. */
    public ObservableList<RunView> shownRuns() {
        return runs.shown();
    }

    /** The data sets the project has runs of, and the one loaded now. */
    public ObservableList<String> dataNames() {
        return runs.dataNames();
    }

    /** The data set whose runs are shown; the loaded one unless the student chooses another. */
    public ObjectProperty<String> shownDataProperty() {
        return runs.shownDataProperty();
    }

    /** The epochs the charts' x axis spans: the running run's, otherwise the form's. */
    public IntegerBinding chartEpochs() {
        return chartEpochs;
    }

    /** The run Results, Try it and Export act on. */
    public ObjectProperty<RunRecord> selectedRunProperty() {
        return project.selectedRunProperty();
    }

    public ObjectProperty<RunView> currentRunProperty() {
        return currentRun;
    }

    /** The batch size and epochs chosen for newly loaded data, and the lines that say so. */
    public DataDefaults dataDefaults() {
        return dataDefaults;
    }
}
