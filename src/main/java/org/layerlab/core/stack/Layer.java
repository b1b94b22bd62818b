package org.layerlab.core.stack;

import java.util.List;

/** One layer of a stack: an immutable value with its own parameters. */
public sealed interface Layer
        permits Dense, Conv2D, MaxPool2D, AvgPool2D, Flatten, Dropout, BatchNorm, Activation, Embedding, Lstm, Gru {

    LayerKind kind();

    <R> R accept(LayerVisitor<R> visitor);

    /** What is wrong with this layer's own settings, whatever it receives; empty when they are fine. */
    default List<String> settingProblems() {
        return List.of();
    }
}
