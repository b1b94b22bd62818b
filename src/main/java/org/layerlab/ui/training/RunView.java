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
    private final int epochs;
    private final ObservableList<ChartPoint> trainLoss = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> validationLoss = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> trainAccuracy = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> validationAccuracy = FXCollections.observableArrayList();
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private final StringProperty result = new SimpleStringProperty("running");

    public RunView(String name, String label, int epochs) {
        this.name = name;
        this.label = label;
        this.epochs = epochs;
    }

    /** A run read from a project file has epoch figures only. */
    public static RunView of(RunRecord record) {
        RunView view = new RunView(record.name(), record.label(), record.config().epochs());
        for (TrainingEvent.EpochEnded e : record.epochs()) {
            view.addEpoch(e);
        }
        view.result.set(record.outcome().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (Double.isNaN(record.testAccuracy()) ? "" : String.format(java.util.Locale.ROOT,
                ", test accuracy %.3f", record.testAccuracy())));
        return view;
    }

    /** A saved run has no batch figures, so its training curve is drawn from the epoch averages. */
    private void addEpoch(TrainingEvent.EpochEnded e) {
        trainLoss.add(new ChartPoint(e.epoch(), e.trainLoss()));
        trainAccuracy.add(new ChartPoint(e.epoch(), e.trainAccuracy()));
        addValidation(e);
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
}
