package org.layerlab.ui.training;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.training.TrainingEvent;

/** The curves of one run: smoothed per-batch training figures and per-epoch validation figures. */
public final class RunView {
    private final String name;
    private final String label;
    private final String data;
    private final int epochs;
    private final int colourIndex;
    private final ObservableList<ChartPoint> trainLoss = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> validationLoss = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> trainAccuracy = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> validationAccuracy = FXCollections.observableArrayList();
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private final StringProperty result = new SimpleStringProperty("running");
    private final javafx.beans.property.IntegerProperty bestEpoch = new javafx.beans.property.SimpleIntegerProperty(0);

    /** Colours that stay apart on a white chart and for common colour blindness (Okabe–Ito). */
    private static final java.util.List<String> COLOURS =
            java.util.List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442");

    public RunView(String name, String label, String data, int epochs, int colourIndex) {
        this.name = name;
        this.label = label;
        this.data = data;
        this.epochs = epochs;
        this.colourIndex = colourIndex;
    }

    public static String colour(int index) {
        return COLOURS.get(index % COLOURS.size());
    }

    public int colourIndex() {
        return colourIndex;
    }

    /** A run read from a project file has epoch figures only. */
    public static RunView of(RunRecord record, int colourIndex) {
        RunView view = new RunView(
                record.name(), record.label(), record.data(), record.config().epochs(), colourIndex);
        for (TrainingEvent.EpochEnded e : record.epochs()) {
            view.addEpoch(e);
        }
        view.bestEpoch.set(record.bestEpoch());
        view.result.set(resultOf(record));
        return view;
    }

    /** How a run ended, as the runs list shows it: "completed, test accuracy 0.953", "stopped". */
    static String resultOf(RunRecord record) {
        String outcome = record.outcome().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Double.isNaN(record.testAccuracy())
                ? outcome
                : outcome + String.format(java.util.Locale.ROOT, ", test accuracy %.3f", record.testAccuracy());
    }

    /** A saved run has no batch figures, so its training curve is drawn from the epoch averages. */
    private void addEpoch(TrainingEvent.EpochEnded e) {
        trainLoss.add(new ChartPoint(e.epoch(), e.trainLoss()));
        trainAccuracy.add(new ChartPoint(e.epoch(), e.trainAccuracy()));
        addValidation(e);
    }

    /**
     * At an epoch end, a live run adds the epoch's average training figures only where no batch figure of
     * that epoch reached the screen (a short epoch can end between two screen updates).
     */
    void addTrainingIfMissing(TrainingEvent.EpochEnded e) {
        double last = trainLoss.isEmpty()
                ? Double.NEGATIVE_INFINITY
                : trainLoss.get(trainLoss.size() - 1).x();
        if (last <= e.epoch() - 1) {
            trainLoss.add(new ChartPoint(e.epoch(), e.trainLoss()));
            trainAccuracy.add(new ChartPoint(e.epoch(), e.trainAccuracy()));
        }
    }

    /** A live run draws training from its batches; each epoch end adds the validation figures. */
    void addValidation(TrainingEvent.EpochEnded e) {
        if (!Double.isNaN(e.validationLoss())) {
            validationLoss.add(new ChartPoint(e.epoch(), e.validationLoss()));
            validationAccuracy.add(new ChartPoint(e.epoch(), e.validationAccuracy()));
        }
    }

    void addBatchPoint(double x, double loss, double accuracy) {
        trainLoss.add(new ChartPoint(x, loss));
        trainAccuracy.add(new ChartPoint(x, accuracy));
    }

    /** The epochs the run was set to train, for the charts' x axis. */
    public int epochs() {
        return epochs;
    }

    public String name() {
        return name;
    }

    /** The name of the data set the run trains on, e.g. "iris.csv". */
    public String data() {
        return data;
    }

    /** What differed from the run before, e.g. "lr 0.001 → 0.01". */
    public String label() {
        return label;
    }

    public ObservableList<ChartPoint> trainLoss() {
        return trainLoss;
    }

    public ObservableList<ChartPoint> validationLoss() {
        return validationLoss;
    }

    public ObservableList<ChartPoint> trainAccuracy() {
        return trainAccuracy;
    }

    public ObservableList<ChartPoint> validationAccuracy() {
        return validationAccuracy;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public StringProperty resultProperty() {
        return result;
    }

    /** The epoch whose weights early stopping kept, marked on the curves; 0 when the last epoch's were kept. */
    public javafx.beans.property.IntegerProperty bestEpochProperty() {
        return bestEpoch;
    }
}
