package org.layerlab.core.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainingConfig;

/**
 * Says in a few words what changed between two runs, so that their curves can be told apart: every setting
 * that differs, the data included. Only two runs that agree in all of them are labelled "same settings".
 */
public final class RunDiff {

    /** What a run trained: the data's name, the stack and the settings. */
    public record Setup(String data, LayerStack stack, TrainingConfig config) {
        public static Setup of(RunRecord run) {
            return new Setup(run.data(), run.stack(), run.config());
        }
    }

    private RunDiff() {}

    /** The label of a run set up as {@code now}, after a run set up as {@code before} (null: the first run). */
    public static String describe(Setup before, Setup now) {
        if (before == null) {
            return "first run";
        }
        List<String> changes = new ArrayList<>();
        if (!before.data().equals(now.data())) {
            changes.add("data " + before.data() + " → " + now.data());
        }
        changes.addAll(settingChanges(before.config(), now.config()));
        if (!before.stack().layers().equals(now.stack().layers())) {
            changes.add(stackChange(before.stack().layers(), now.stack().layers()));
        }
        return changes.isEmpty() ? "same settings" : String.join(", ", changes);
    }

    private static List<String> settingChanges(TrainingConfig before, TrainingConfig config) {
        List<String> changes = new ArrayList<>();
        OptimizerSettings was = before.optimizer();
        OptimizerSettings is = config.optimizer();
        if (was.kind() != is.kind()) {
            changes.add(was.kind().displayName() + " → " + is.kind().displayName());
        }
        compare(changes, "lr", was, is, OptimizerSettings::learningRate);
        compare(changes, "momentum", was, is, OptimizerSettings::momentum);
        compare(changes, "rho", was, is, OptimizerSettings::rho);
        compare(changes, "beta1", was, is, OptimizerSettings::beta1);
        compare(changes, "beta2", was, is, OptimizerSettings::beta2);
        compare(changes, "epsilon", was, is, OptimizerSettings::epsilon);
        if (before.batchSize() != config.batchSize()) {
            changes.add("batch " + before.batchSize() + " → " + config.batchSize());
        }
        if (before.epochs() != config.epochs()) {
            changes.add("epochs " + before.epochs() + " → " + config.epochs());
        }
        if (before.loss() != config.loss()) {
            changes.add(config.loss().cliName() + " loss");
        }
        compare(changes, "validation", before, config, TrainingConfig::validationFraction);
        if (before.seed() != config.seed()) {
            changes.add("seed " + before.seed() + " → " + config.seed());
        }
        EarlyStopping wasStopping = before.earlyStopping();
        EarlyStopping isStopping = config.earlyStopping();
        if (wasStopping.patience() != isStopping.patience()) {
            changes.add("patience " + wasStopping.patience() + " → " + isStopping.patience());
        }
        if (wasStopping.keepBestWeights() != isStopping.keepBestWeights()) {
            changes.add(isStopping.keepBestWeights() ? "keeps best epoch" : "keeps last epoch");
        }
        return changes;
    }

    private static <T> void compare(List<String> changes, String name, T before, T now, ToDoubleFunction<T> value) {
        double was = value.applyAsDouble(before);
        double is = value.applyAsDouble(now);
        if (Double.compare(was, is) != 0) {
            changes.add(name + " " + number(was) + " → " + number(is));
        }
    }

    private static String stackChange(List<Layer> before, List<Layer> after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Layer> remaining = new ArrayList<>(before);
        for (Layer layer : after) {
            if (!remaining.remove(layer)) {
                added.add("+" + LayerLabel.of(layer));
            }
        }
        remaining.forEach(layer -> removed.add("−" + LayerLabel.of(layer)));
        List<String> all = new ArrayList<>(added);
        all.addAll(removed);
        return all.isEmpty() ? "layers reordered" : String.join(" ", all.subList(0, Math.min(4, all.size())));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", (float) value);
    }
}
