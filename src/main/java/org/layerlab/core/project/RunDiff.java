package org.layerlab.core.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.TrainingConfig;

/** Says in a few words what changed between two runs, so that their curves can be told apart. */
public final class RunDiff {

    private RunDiff() {}

    public static String describe(
            LayerStack beforeStack, TrainingConfig before, LayerStack stack, TrainingConfig config) {
        if (before == null) {
            return "first run";
        }
        List<String> changes = new ArrayList<>();
        if (before.optimizer().kind() != config.optimizer().kind()) {
            changes.add(before.optimizer().kind().displayName() + " → "
                    + config.optimizer().kind().displayName());
        }
        if (before.optimizer().learningRate() != config.optimizer().learningRate()) {
            changes.add("lr " + number(before.optimizer().learningRate()) + " → "
                    + number(config.optimizer().learningRate()));
        }
        if (before.batchSize() != config.batchSize()) {
            changes.add("batch " + before.batchSize() + " → " + config.batchSize());
        }
        if (before.epochs() != config.epochs()) {
            changes.add("epochs " + before.epochs() + " → " + config.epochs());
        }
        if (before.loss() != config.loss()) {
            changes.add(config.loss().cliName() + " loss");
        }
        if (before.seed() != config.seed()) {
            changes.add("seed " + config.seed());
        }
        if (!beforeStack.layers().equals(stack.layers())) {
            changes.add(stackChange(beforeStack.layers(), stack.layers()));
        }
        return changes.isEmpty() ? "same settings" : String.join(", ", changes);
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
