package org.layerlab.core.training;

import java.util.List;
import java.util.stream.Collectors;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.Template;
import org.layerlab.core.stack.TensorShape;

/**
 * The network to start from for a dataset: an MLP for a table, a small CNN for images (the MLP where the
 * images are too small for its convolutions), an Embedding and LSTM for sentences.
 */
public record SuggestedNetwork(Template template, LayerStack stack) {

    public static SuggestedNetwork of(Dataset data) {
        List<Template> candidates = switch (data.kind()) {
            case TABULAR -> List.of(Template.IRIS_MLP);
            case IMAGE ->
                List.of(data.inputShape()[0] == 1 ? Template.MNIST_CNN : Template.CIFAR_CNN, Template.MNIST_MLP);
            case TEXT -> List.of(Template.LSTM_SENTIMENT);
        };
        SuggestedNetwork suggestion = null;
        for (Template template : candidates) {
            suggestion = new SuggestedNetwork(template, stackFor(template, data));
            if (StackCompatibility.check(suggestion.stack(), data, LossKind.SOFTMAX_CROSS_ENTROPY)
                    .ok()) {
                break;
            }
        }
        return suggestion;
    }

    /** "an MLP for tables": what the suggestion is, in a few words. */
    public String kind() {
        return switch (template) {
            case IRIS_MLP -> "an MLP for tables";
            case MNIST_CNN, CIFAR_CNN -> "a small CNN for images";
            case MNIST_MLP -> "an MLP for images";
            case LSTM_SENTIMENT -> "an Embedding and LSTM for text";
        };
    }

    /** "an MLP for tables: Dense(16), ReLU, Dense(3)". */
    public String description() {
        return kind() + ": " + stack.layers().stream().map(LayerLabel::of).collect(Collectors.joining(", "));
    }

    /** The template's stack fitted to the data: its input shape, classes and vocabulary. */
    public static LayerStack stackFor(Template template, Dataset data) {
        return template.stackFor(TensorShape.of(data.inputShape()), data.classCount(), vocabulary(data));
    }

    /** The number of words a text data set knows (what an Embedding must cover); 0 for other data. */
    public static int vocabulary(Dataset data) {
        return data.preprocessing() instanceof Preprocessing.Text text
                ? text.vocabulary().size()
                : 0;
    }
}
