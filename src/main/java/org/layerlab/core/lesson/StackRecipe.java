package org.layerlab.core.lesson;

import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.SuggestedNetwork;

/**
 * How a lesson's run builds its network for the loaded data, like {@link org.layerlab.core.stack.Template}
 * (whose {@code stackFor} is one): from the data's input shape, classes and vocabulary.
 */
@FunctionalInterface
public interface StackRecipe {

    LayerStack stackFor(TensorShape input, int classes, int vocabulary);

    /** The network for {@code data}: its input shape, classes and, for text, vocabulary. */
    default LayerStack stackFor(Dataset data) {
        return stackFor(TensorShape.of(data.inputShape()), data.classCount(), SuggestedNetwork.vocabulary(data));
    }

    /** The given layers, then a Dense layer with one unit per class. */
    static StackRecipe layers(Layer... hidden) {
        return (input, classes, vocabulary) -> {
            List<Layer> layers = new ArrayList<>(List.of(hidden));
            layers.add(new Dense(Math.max(classes, 1)));
            return new LayerStack(null, layers);
        };
    }
}
