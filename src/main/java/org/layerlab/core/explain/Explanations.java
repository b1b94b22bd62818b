package org.layerlab.core.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.ActivationFunction;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerKind;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;

/**
 * The explanation of everything a student can choose. Each kind of thing has its own class with an exhaustive
 * switch, so a new layer kind, activation, loss or optimizer does not compile until it is explained.
 */
public final class Explanations {

    private Explanations() {}

    public static Explanation of(LayerKind kind) {
        return LayerExplanations.of(kind);
    }

    /** A layer in a stack: an Activation layer is explained by its function, other layers by their kind. */
    public static Explanation of(Layer layer) {
        if (layer instanceof Activation activation && activation.function() != null) {
            return of(activation.function());
        }
        return of(layer.kind());
    }

    public static Explanation of(ActivationFunction function) {
        return ActivationExplanations.of(function);
    }

    public static Explanation of(LossKind loss) {
        return LossExplanations.of(loss);
    }

    public static Explanation of(OptimizerKind optimizer) {
        return OptimizerExplanations.of(optimizer);
    }

    public static Explanation of(TrainingTopic topic) {
        return TrainingTopics.of(topic);
    }

    /** Everything LayerLab explains: every layer kind, activation, loss, optimizer and training setting. */
    public static List<Explanation> all() {
        List<Explanation> all = new ArrayList<>();
        Arrays.stream(LayerKind.values()).map(Explanations::of).forEach(all::add);
        Arrays.stream(ActivationFunction.values()).map(Explanations::of).forEach(all::add);
        Arrays.stream(LossKind.values()).map(Explanations::of).forEach(all::add);
        Arrays.stream(OptimizerKind.values()).map(Explanations::of).forEach(all::add);
        Arrays.stream(TrainingTopic.values()).map(Explanations::of).forEach(all::add);
        return all;
    }
}
