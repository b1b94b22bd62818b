package org.layerlab.core.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a layer's settings as a list and makes a copy of a layer with one setting changed. This is what a
 * property sheet edits; the layer records stay immutable.
 */
public final class LayerSettings implements LayerVisitor<List<LayerSetting>> {
    private static final LayerSettings READER = new LayerSettings();
    private static final List<String> PADDINGS = List.of("valid", "same");

    private LayerSettings() {}

    public static List<LayerSetting> of(Layer layer) {
        return layer.accept(READER);
    }

    /** A copy of {@code layer} with {@code name} set to {@code value}; unknown names change nothing. */
    public static Layer with(Layer layer, String name, Object value) {
        List<LayerSetting> settings = new ArrayList<>(of(layer));
        for (int i = 0; i < settings.size(); i++) {
            LayerSetting s = settings.get(i);
            if (s.name().equals(name)) {
                settings.set(i, new LayerSetting(name, value, s.choices(), s.help()));
            }
        }
        return build(layer.kind(), settings);
    }

    private static Layer build(LayerKind kind, List<LayerSetting> s) {
        return switch (kind) {
            case DENSE -> new Dense(integer(s, 0), bool(s, 1));
            case CONV2D ->
                new Conv2D(
                        integer(s, 0),
                        integer(s, 1),
                        integer(s, 2),
                        Padding.valueOf(text(s, 3).toUpperCase(Locale.ROOT)));
            case MAX_POOL2D -> new MaxPool2D(integer(s, 0), integer(s, 1));
            case AVG_POOL2D -> new AvgPool2D(integer(s, 0), integer(s, 1));
            case FLATTEN -> new Flatten();
            case DROPOUT -> new Dropout(((Number) s.get(0).value()).doubleValue());
            case BATCH_NORM -> new BatchNorm();
            case ACTIVATION -> new Activation(ActivationFunction.fromName(text(s, 0)));
            case EMBEDDING -> new Embedding(integer(s, 0), integer(s, 1));
            case LSTM -> new Lstm(integer(s, 0), bool(s, 1));
            case GRU -> new Gru(integer(s, 0), bool(s, 1));
        };
    }

    private static int integer(List<LayerSetting> settings, int i) {
        return ((Number) settings.get(i).value()).intValue();
    }

    private static boolean bool(List<LayerSetting> settings, int i) {
        return (Boolean) settings.get(i).value();
    }

    private static String text(List<LayerSetting> settings, int i) {
        return String.valueOf(settings.get(i).value());
    }

    @Override
    public List<LayerSetting> visit(Dense layer) {
        return List.of(
                LayerSetting.of("units", layer.units(), "How many outputs (neurons)."),
                LayerSetting.of("bias", layer.bias(), "Add a learned constant b to each output."));
    }

    @Override
    public List<LayerSetting> visit(Conv2D layer) {
        return List.of(
                LayerSetting.of("filters", layer.filters(), "How many patterns to learn (output channels)."),
                LayerSetting.of("kernel", layer.kernel(), "Width and height of each filter, in pixels."),
                LayerSetting.of("stride", layer.stride(), "How far the filter moves each step."),
                LayerSetting.choice(
                        "padding",
                        layer.padding().name().toLowerCase(Locale.ROOT),
                        PADDINGS,
                        "valid: no border; same: pad so that stride 1 keeps the size."));
    }

    @Override
    public List<LayerSetting> visit(MaxPool2D layer) {
        return pool(layer.size(), layer.stride());
    }

    @Override
    public List<LayerSetting> visit(AvgPool2D layer) {
        return pool(layer.size(), layer.stride());
    }

    private static List<LayerSetting> pool(int size, int stride) {
        return List.of(
                LayerSetting.of("size", size, "Width and height of each window."),
                LayerSetting.of("stride", stride, "How far the window moves each step (usually the size)."));
    }

    @Override
    public List<LayerSetting> visit(Flatten layer) {
        return List.of();
    }

    @Override
    public List<LayerSetting> visit(Dropout layer) {
        return List.of(LayerSetting.of("rate", layer.rate(), "Share of values set to zero while training, 0 to 1."));
    }

    @Override
    public List<LayerSetting> visit(BatchNorm layer) {
        return List.of();
    }

    @Override
    public List<LayerSetting> visit(Activation layer) {
        List<String> names = new ArrayList<>();
        for (ActivationFunction f : ActivationFunction.values()) {
            names.add(f.displayName());
        }
        return List.of(LayerSetting.choice(
                "function", layer.function().displayName(), names, "The function applied to every value."));
    }

    @Override
    public List<LayerSetting> visit(Embedding layer) {
        return List.of(
                LayerSetting.of("vocabulary", layer.vocabulary(), "How many different token ids there are."),
                LayerSetting.of("dimension", layer.dimension(), "Length of each word's vector."));
    }

    @Override
    public List<LayerSetting> visit(Lstm layer) {
        return recurrent(layer.units(), layer.returnSequences());
    }

    @Override
    public List<LayerSetting> visit(Gru layer) {
        return recurrent(layer.units(), layer.returnSequences());
    }

    private static List<LayerSetting> recurrent(int units, boolean sequences) {
        return List.of(
                LayerSetting.of("units", units, "Size of the memory (hidden state)."),
                LayerSetting.of(
                        "return_sequences",
                        sequences,
                        "Output every step (for another recurrent layer) instead of only the last."));
    }

    /** The layer a new palette item starts as. */
    public static Layer defaultOf(LayerKind kind) {
        return switch (kind) {
            case DENSE -> Dense.DEFAULT;
            case CONV2D -> Conv2D.DEFAULT;
            case MAX_POOL2D -> MaxPool2D.DEFAULT;
            case AVG_POOL2D -> new AvgPool2D(2, 2);
            case FLATTEN -> new Flatten();
            case DROPOUT -> Dropout.DEFAULT;
            case BATCH_NORM -> new BatchNorm();
            case ACTIVATION -> Activation.RELU;
            case EMBEDDING -> Embedding.DEFAULT;
            case LSTM -> Lstm.DEFAULT;
            case GRU -> new Gru(64, false);
        };
    }
}
