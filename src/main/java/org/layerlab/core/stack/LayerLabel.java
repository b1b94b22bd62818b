package org.layerlab.core.stack;

import java.util.Locale;

/** A short, readable name for a layer with its main settings: "Conv2D(32, 3×3)", "Dropout(0.2)", "ReLU". */
public final class LayerLabel implements LayerVisitor<String> {
    private static final LayerLabel INSTANCE = new LayerLabel();

    private LayerLabel() {}

    public static String of(Layer layer) {
        return layer.accept(INSTANCE);
    }

    @Override
    public String visit(Dense layer) {
        return "Dense(" + layer.units() + (layer.bias() ? "" : ", no bias") + ")";
    }

    @Override
    public String visit(Conv2D layer) {
        return "Conv2D(" + layer.filters() + ", " + layer.kernel() + "×" + layer.kernel()
                + (layer.stride() == 1 ? "" : ", stride " + layer.stride())
                + (layer.padding() == Padding.SAME ? ", same" : "") + ")";
    }

    @Override
    public String visit(MaxPool2D layer) {
        return "MaxPool2D(" + window(layer.size(), layer.stride()) + ")";
    }

    @Override
    public String visit(AvgPool2D layer) {
        return "AvgPool2D(" + window(layer.size(), layer.stride()) + ")";
    }

    private static String window(int size, int stride) {
        return size + "×" + size + (stride == size ? "" : ", stride " + stride);
    }

    @Override
    public String visit(Flatten layer) {
        return "Flatten";
    }

    @Override
    public String visit(Dropout layer) {
        return String.format(Locale.ROOT, "Dropout(%s)", layer.rate());
    }

    @Override
    public String visit(BatchNorm layer) {
        return "BatchNorm";
    }

    @Override
    public String visit(Activation layer) {
        return layer.function() == null ? "Activation(?)" : layer.function().displayName();
    }

    @Override
    public String visit(Embedding layer) {
        return "Embedding(" + layer.vocabulary() + " → " + layer.dimension() + ")";
    }

    @Override
    public String visit(Lstm layer) {
        return "LSTM(" + layer.units() + (layer.returnSequences() ? ", sequences" : "") + ")";
    }

    @Override
    public String visit(Gru layer) {
        return "GRU(" + layer.units() + (layer.returnSequences() ? ", sequences" : "") + ")";
    }
}
