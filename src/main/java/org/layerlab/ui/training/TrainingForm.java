package org.layerlab.ui.training;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainingConfig;

/**
 * The training settings form, bound both ways to the project's settings: every edit is stored in the
 * project, and every change to the project's settings (a project opened, recovered, or defaults fitted to
 * new data) is shown. While a run trains the form is locked and shows that run's settings; when the run
 * ends it shows the project's again.
 */
final class TrainingForm {
    private final ObjectProperty<TrainingConfig> stored;

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
    /** Not in the form, but kept so that a saved project's epsilon survives an edit of another setting. */
    private double epsilon;

    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(false);
    private boolean showing;

    TrainingForm(ObjectProperty<TrainingConfig> stored) {
        this.stored = stored;
        show(stored.get());
        stored.addListener((o, before, config) -> {
            if (!locked.get() && !config.equals(config())) {
                show(config);
            }
        });
        optimizer.addListener((o, before, after) -> {
            if (before != null && after != null && !showing) {
                optimizerChosen(after);
            }
        });
        // Change listeners, not invalidation listeners: a property set while the form shows a config is not
        // read back, so it would stay invalid and report no later edit.
        for (javafx.beans.value.ObservableValue<?> setting : List.of(
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
            setting.addListener((o, before, after) -> store());
        }
    }

    /** Another optimizer starts from its own learning rate and epsilon. */
    private void optimizerChosen(OptimizerKind kind) {
        OptimizerSettings defaults = OptimizerSettings.defaults(kind);
        epsilon = defaults.epsilon();
        learningRate.set(defaults.learningRate());
    }

    private void show(TrainingConfig c) {
        showing = true;
        optimizer.set(c.optimizer().kind());
        learningRate.set(c.optimizer().learningRate());
        momentum.set(c.optimizer().momentum());
        rho.set(c.optimizer().rho());
        beta1.set(c.optimizer().beta1());
        beta2.set(c.optimizer().beta2());
        epsilon = c.optimizer().epsilon();
        loss.set(c.loss());
        epochs.set(c.epochs());
        batchSize.set(c.batchSize());
        validationFraction.set(c.validationFraction());
        seed.set(c.seed());
        patience.set(c.earlyStopping().patience());
        keepBest.set(c.earlyStopping().keepBestWeights());
        showing = false;
    }

    private void store() {
        if (!showing && !locked.get()) {
            stored.set(config());
        }
    }

    /** The settings as the form shows them. */
    TrainingConfig config() {
        OptimizerSettings settings = new OptimizerSettings(
                optimizer.get(), learningRate.get(), momentum.get(), rho.get(), beta1.get(), beta2.get(), epsilon);
        return new TrainingConfig(
                settings,
                loss.get(),
                epochs.get(),
                batchSize.get(),
                validationFraction.get(),
                seed.get(),
                new EarlyStopping(patience.get(), keepBest.get()));
    }

    /** Shows the settings of the run that starts training, and takes no edits until {@link #unlock}. */
    void lockOn(TrainingConfig running) {
        show(running);
        locked.set(true);
    }

    /** The run has ended: the form shows the project's settings and takes edits again. */
    void unlock() {
        locked.set(false);
        show(stored.get());
    }

    ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    ObjectProperty<OptimizerKind> optimizer() {
        return optimizer;
    }

    DoubleProperty learningRate() {
        return learningRate;
    }

    DoubleProperty momentum() {
        return momentum;
    }

    DoubleProperty rho() {
        return rho;
    }

    DoubleProperty beta1() {
        return beta1;
    }

    DoubleProperty beta2() {
        return beta2;
    }

    ObjectProperty<LossKind> loss() {
        return loss;
    }

    IntegerProperty epochs() {
        return epochs;
    }

    IntegerProperty batchSize() {
        return batchSize;
    }

    DoubleProperty validationFraction() {
        return validationFraction;
    }

    LongProperty seed() {
        return seed;
    }

    IntegerProperty patience() {
        return patience;
    }

    BooleanProperty keepBest() {
        return keepBest;
    }
}
