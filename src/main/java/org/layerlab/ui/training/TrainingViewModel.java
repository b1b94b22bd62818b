package org.layerlab.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Split;
import org.layerlab.core.project.RunDiff;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.StackCompatibility;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.core.training.TrainingEvent;
import org.layerlab.core.training.TrainingResult;
import org.layerlab.data.DataLoading;
import org.layerlab.data.DataRequests;
import org.layerlab.errors.FailureSentence;
import org.layerlab.files.RunStore;
import org.layerlab.ui.common.TaskExecutor;
import org.layerlab.ui.common.UiDispatcher;
import org.layerlab.ui.project.ProjectState;
import org.layerlab.ui.project.RunModels;

/**
 * The training step: the settings, Start / Pause / Resume / Stop, live curves and progress, and every
 * run kept for comparison. Training runs in the background; its events reach the screen through an
 * {@link EventBuffer}, a few times a second at most.
 */
public final class TrainingViewModel {
    static final long SCREEN_INTERVAL_NANOS = 500_000_000L;

    private final ProjectState project;
    private final TrainingEngine engine;
    private final RunModels runModels;
    private final TaskExecutor executor;
    private final UiDispatcher ui;

    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>();
    private final DoubleProperty learningRate = new SimpleDoubleProperty();
    private final DoubleProperty momentum = new SimpleDoubleProperty();
    private final DoubleProperty rho = new SimpleDoubleProperty();
    private final DoubleProperty beta1 = new SimpleDoubleProperty();
    private final DoubleProperty beta2 = new SimpleDoubleProperty();
    private final ObjectProperty<LossKind> loss = new SimpleObjectProperty<>();
    private final IntegerProperty epochs = new SimpleIntegerProperty();
    private final IntegerProperty batchSize = new SimpleIntegerProperty();
    private final DoubleProperty validationFraction = new SimpleDoubleProperty();
    private final LongProperty seed = new SimpleLongProperty();
    private final IntegerProperty patience = new SimpleIntegerProperty();
    private final BooleanProperty keepBest = new SimpleBooleanProperty();

    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("Not started");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<RunView> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunView> currentRun = new SimpleObjectProperty<>();
    private final DataDefaults dataDefaults;

    private TrainingControl control;
    private Runnable afterStop;
    private long startedNanos;
    private boolean syncing;

    public TrainingViewModel(
            ProjectState project, TrainingEngine engine, RunModels runModels, TaskExecutor executor, UiDispatcher ui) {
        this.project = project;
        this.engine = engine;
        this.runModels = runModels;
        this.executor = executor;
        this.ui = ui;
        showConfig(project.trainingProperty().get());
        project.openedProperty().addListener((o, a, b) -> {
            showConfig(project.trainingProperty().get());
            List<RunView> views = new java.util.ArrayList<>();
            for (RunRecord record : project.runs()) {
                views.add(RunView.of(record, views.size()));
            }
            runs.setAll(views);
        });
        for (javafx.beans.Observable setting : List.of(
                optimizer,
                learningRate,
                momentum,
                rho,
                beta1,
                beta2,
                loss,
                epochs,
                batchSize,
                validationFraction,
                seed,
                patience,
                keepBest)) {
            setting.addListener(o -> storeConfig());
        }
        optimizer.addListener((o, before, after) -> {
            if (after != null && before != null && !syncing) {
                learningRate.set(after.defaultLearningRate());
            }
        });
        dataDefaults = new DataDefaults(project, chosen -> {
            batchSize.set(chosen.batchSize());
            epochs.set(chosen.epochs());
        });
    }

    private void showConfig(TrainingConfig c) {
        syncing = true;
        optimizer.set(c.optimizer().kind());
        learningRate.set(c.optimizer().learningRate());
        momentum.set(c.optimizer().momentum());
        rho.set(c.optimizer().rho());
        beta1.set(c.optimizer().beta1());
        beta2.set(c.optimizer().beta2());
        loss.set(c.loss());
        epochs.set(c.epochs());
        batchSize.set(c.batchSize());
        validationFraction.set(c.validationFraction());
        seed.set(c.seed());
        patience.set(c.earlyStopping().patience());
        keepBest.set(c.earlyStopping().keepBestWeights());
        syncing = false;
    }

    private void storeConfig() {
        if (!syncing) {
            project.trainingProperty().set(config());
        }
    }

    public TrainingConfig config() {
        OptimizerSettings defaults = OptimizerSettings.defaults(optimizer.get());
        OptimizerSettings settings = new OptimizerSettings(
                optimizer.get(),
                learningRate.get(),
                momentum.get(),
                rho.get(),
                beta1.get(),
                beta2.get(),
                defaults.epsilon());
        return new TrainingConfig(
                settings,
                loss.get(),
                epochs.get(),
                batchSize.get(),
                validationFraction.get(),
                seed.get(),
                new EarlyStopping(patience.get(), keepBest.get()));
    }

    /** Starts a run, or explains in {@code message} why it cannot start. */
    public void start() {
        if (running.get()) {
            return;
        }
        Dataset data = project.datasetProperty().get();
        if (data == null) {
            message.set("Load data first (step 1, Data).");
            return;
        }
        TrainingConfig config = config();
        if (!config.problems().isEmpty()) {
            message.set("Check the settings: " + String.join("; ", config.problems()) + ".");
            return;
        }
        StackCompatibility.Result check =
                StackCompatibility.check(project.stackProperty().get(), data, config.loss());
        if (!check.ok()) {
            message.set("The network cannot train on this data: " + String.join(" ", check.problems()));
            return;
        }
        Optional<String> tooLarge = engine.memoryBudget().refusal(check.summary(), config);
        if (tooLarge.isPresent()) {
            message.set(tooLarge.get());
            return;
        }
        RunRecord previous = project.runs().isEmpty()
                ? null
                : project.runs().get(project.runs().size() - 1);
        String label = RunDiff.describe(
                previous == null ? null : previous.stack(),
                previous == null ? null : previous.config(),
                check.stack(),
                config);
        RunView run = new RunView(nextRunName(), label, config.epochs(), runs.size());
        RunStore store = runModels.store();
        runs.add(run);
        currentRun.set(run);
        control = new TrainingControl();
        TrainingControl runControl = control;
        running.set(true);
        paused.set(false);
        progress.set(0);
        message.set("");
        progressText.set("Starting…");
        startedNanos = System.nanoTime();
        EventBuffer buffer = new EventBuffer(ui, update -> show(run, update), SCREEN_INTERVAL_NANOS);
        org.layerlab.core.project.DataSettings dataSettings =
                project.dataSettingsProperty().get();
        executor.submit(
                () -> {
                    // The validation share or seed changed since the data was loaded: split it again, off this thread.
                    boolean resplit = dataSettings != null && !sameSplit(data, config);
                    Dataset trainOn = resplit
                            ? DataLoading.load(
                                    DataRequests.from(dataSettings, config.validationFraction(), config.seed()))
                            : data;
                    TrainingResult result = engine.train(trainOn, check.stack(), config, buffer, runControl);
                    double testAccuracy = Double.NaN;
                    if (result.model() != null) {
                        try (TrainedModel model = result.model()) {
                            testAccuracy = trainOn.test().count() == 0
                                    ? Double.NaN
                                    : model.evaluate(trainOn.test()).accuracy();
                            // Kept on disk, not in memory: Results, Try it and Export load it when selected.
                            store.save(run.name(), model);
                        }
                    }
                    return new RunRecord(
                            run.name(),
                            label,
                            check.stack(),
                            config,
                            result.epochs(),
                            result.outcome().name(),
                            testAccuracy,
                            result.bestEpoch());
                },
                record -> finish(run, record),
                failure -> {
                    running.set(false);
                    paused.set(false);
                    message.set(FailureSentence.forWindow(failure));
                    runAfterStop();
                });
    }

    private static boolean sameSplit(Dataset data, TrainingConfig config) {
        Split split = data.split();
        return split.validationFraction() == config.validationFraction() && split.seed() == config.seed();
    }

    private void show(RunView run, EventBuffer.Update update) {
        for (TrainingEvent event : update.milestones()) {
            if (event instanceof TrainingEvent.EpochEnded epoch) {
                run.addTrainingIfMissing(epoch);
                run.addValidation(epoch);
                progress.set((double) epoch.epoch() / epoch.epochs());
            } else if (event instanceof TrainingEvent.Finished finished) {
                message.set(finished.message());
            }
        }
        TrainingEvent.BatchEnded batch = update.lastBatch();
        if (batch != null && running.get()) {
            double x = batch.epoch() - 1 + (double) batch.batch() / batch.batchesPerEpoch();
            run.addBatchPoint(x, update.smoothedLoss(), update.smoothedAccuracy());
            int total = epochs.get() * batch.batchesPerEpoch();
            int done = (batch.epoch() - 1) * batch.batchesPerEpoch() + batch.batch();
            progress.set((double) done / total);
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            double left = seconds / done * (total - done);
            progressText.set(String.format(
                    Locale.ROOT,
                    "Epoch %d/%d · batch %d/%d · %,.0f samples/s · %s left",
                    batch.epoch(),
                    epochs.get(),
                    batch.batch(),
                    batch.batchesPerEpoch(),
                    batch.samplesPerSecond(),
                    duration(left)));
        }
    }

    private void finish(RunView run, RunRecord record) {
        running.set(false);
        paused.set(false);
        project.runs().add(record);
        run.bestEpochProperty().set(record.bestEpoch());
        if (keepsModel(record)) {
            project.selectedRunProperty().set(record);
        }
        run.resultProperty().set(RunView.resultOf(record));
        progressText.set(run.name() + ": " + run.resultProperty().get());
        if (record.outcome().equals("COMPLETED")) {
            progress.set(1);
        }
        runAfterStop();
    }

    /** Diverged and failed runs end without a model; every other run kept one. */
    private static boolean keepsModel(RunRecord record) {
        return !record.outcome().equals("DIVERGED") && !record.outcome().equals("FAILED");
    }

    /** "Run N" with N one more than the highest so far, so that a deleted run's name is never reused. */
    private String nextRunName() {
        int highest = 0;
        for (RunView view : runs) {
            String number = view.name().replaceAll("\\D", "");
            if (!number.isEmpty()) {
                highest = Math.max(highest, Integer.parseInt(number));
            }
        }
        return "Run " + (highest + 1);
    }

    /** The finished run shown by {@code view}, if it has finished. */
    private java.util.Optional<RunRecord> record(RunView view) {
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
            runs.remove(view);
            runModels.delete(record);
        });
    }

    /** The list entry of the selected run, for the runs list to show as selected. */
    public java.util.Optional<RunView> viewOf(RunRecord record) {
        return runs.stream()
                .filter(v -> record != null && v.name().equals(record.name()))
                .findFirst();
    }

    private void runAfterStop() {
        if (afterStop != null) {
            Runnable then = afterStop;
            afterStop = null;
            then.run();
        }
    }

    public void pause() {
        if (running.get() && control != null) {
            control.pause();
            paused.set(true);
            progressText.set("Paused · " + progressText.get());
        }
    }

    public void resume() {
        if (control != null) {
            control.resume();
            paused.set(false);
        }
    }

    public void stop() {
        if (control != null) {
            control.cancel();
        }
    }

    /** Stops a running run and calls {@code then} once it has ended (at once if none runs). */
    public void stopThen(Runnable then) {
        if (!running.get()) {
            then.run();
            return;
        }
        afterStop = then;
        stop();
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public DoubleProperty momentumProperty() {
        return momentum;
    }

    public DoubleProperty rhoProperty() {
        return rho;
    }

    public DoubleProperty beta1Property() {
        return beta1;
    }

    public DoubleProperty beta2Property() {
        return beta2;
    }

    public ObjectProperty<LossKind> lossProperty() {
        return loss;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public DoubleProperty validationFractionProperty() {
        return validationFraction;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public IntegerProperty patienceProperty() {
        return patience;
    }

    public BooleanProperty keepBestProperty() {
        return keepBest;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<RunView> runs() {
        return runs;
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
