package org.layerlab.ui.training;

import java.util.Optional;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.MemoryBudget;
import org.layerlab.core.training.StackCompatibility;
import org.layerlab.core.training.TrainingConfig;

/**
 * Whether a run can start: {@code refusal} says why not, in words the student can act on; otherwise
 * {@code stack} is the stack to train, as the compatibility check completed it for the data.
 */
record StartCheck(String refusal, LayerStack stack) {

    static StartCheck of(Dataset data, LayerStack stack, TrainingConfig config, MemoryBudget budget) {
        if (data == null) {
            return refused("Load data first (step 1, Data).");
        }
        if (!config.problems().isEmpty()) {
            return refused("Check the settings: " + String.join("; ", config.problems()) + ".");
        }
        StackCompatibility.Result check = StackCompatibility.check(stack, data, config.loss());
        if (!check.ok()) {
            return refused("The network cannot train on this data: " + String.join(" ", check.problems()));
        }
        Optional<String> tooLarge = budget.refusal(check.summary(), config);
        return tooLarge.map(StartCheck::refused).orElseGet(() -> new StartCheck(null, check.stack()));
    }

    private static StartCheck refused(String why) {
        return new StartCheck(why, null);
    }

    boolean ok() {
        return refusal == null;
    }
}
