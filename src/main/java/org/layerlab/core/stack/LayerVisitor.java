package org.layerlab.core.stack;

/** One method per layer kind, so that adding a kind is a compile error wherever it is not yet handled. */
public interface LayerVisitor<R> {
    R visit(Dense layer);

    R visit(Conv2D layer);

    R visit(MaxPool2D layer);

    R visit(AvgPool2D layer);

    R visit(Flatten layer);

    R visit(Dropout layer);

    R visit(BatchNorm layer);

    R visit(Activation layer);

    R visit(Embedding layer);

    R visit(Lstm layer);

    R visit(Gru layer);
}
