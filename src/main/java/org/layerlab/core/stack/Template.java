package org.layerlab.core.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * Ready-made stacks for the classic examples. Each adapts to the data: it takes its input from the data
 * (like a hand-built stack, so that it follows when other data is loaded), the last Dense layer has one
 * unit per class, and an Embedding covers the data's vocabulary.
 */
public enum Template {
    MNIST_MLP("MLP for MNIST", "Flatten, Dense(128), ReLU, Dropout, Dense: 98 % on digits in a few epochs"),
    MNIST_CNN("CNN for MNIST", "Two convolutions with pooling, then Dense layers: above 98 % on digits"),
    IRIS_MLP("Iris MLP", "A small network for a table of measurements"),
    CIFAR_CNN("CIFAR-style CNN", "Convolutions with batch normalisation for small colour photos"),
    LSTM_SENTIMENT("LSTM sentiment", "Embedding and LSTM for sentences labelled positive or negative");

    private final String displayName;
    private final String description;

    Template(String displayName, String description) {
        this.displayName = displayName;
        this.description = description;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    /**
     * The template's stack for data of shape {@code input} with {@code classes} classes;
     * {@code vocabulary} is used by text templates (0 if unknown). The stack's own input is left open.
     */
    public LayerStack stackFor(TensorShape input, int classes, int vocabulary) {
        List<Layer> layers = new ArrayList<>(
                switch (this) {
                    case MNIST_MLP -> List.of(new Flatten(), new Dense(128), Activation.RELU, new Dropout(0.2));
                    case MNIST_CNN ->
                        List.of(
                                new Conv2D(32, 3),
                                Activation.RELU,
                                new MaxPool2D(2),
                                new Conv2D(64, 3),
                                Activation.RELU,
                                new MaxPool2D(2),
                                new Flatten(),
                                new Dense(64),
                                Activation.RELU);
                    case IRIS_MLP -> List.of(new Dense(16), Activation.RELU);
                    case CIFAR_CNN ->
                        List.of(
                                new Conv2D(32, 3, 1, Padding.SAME),
                                new BatchNorm(),
                                Activation.RELU,
                                new MaxPool2D(2),
                                new Conv2D(64, 3, 1, Padding.SAME),
                                new BatchNorm(),
                                Activation.RELU,
                                new MaxPool2D(2),
                                new Flatten(),
                                new Dropout(0.3),
                                new Dense(128),
                                Activation.RELU);
                    case LSTM_SENTIMENT ->
                        List.of(
                                new Embedding(vocabulary > 0 ? vocabulary : 10_000, 32),
                                new Lstm(64, false),
                                new Dropout(0.3));
                });
        boolean flat = input != null && input.rank() == 1;
        if (flat && (this == MNIST_MLP)) {
            layers.remove(0);
        }
        layers.add(new Dense(Math.max(classes, 1)));
        return new LayerStack(null, layers);
    }
}
