package org.layerlab.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.ActivationFunction;
import org.layerlab.core.stack.AvgPool2D;
import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Dropout;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.Gru;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerKind;
import org.layerlab.core.stack.LayerVisitor;
import org.layerlab.core.stack.Lstm;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.Padding;

/** One layer as a JSON object: {"type": "dense", "units": 128, "bias": true}. Missing settings take defaults. */
final class LayerJson implements LayerVisitor<ObjectNode> {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The settings each kind takes in a file; anything else is reported as a likely typo. */
    private static final java.util.Map<LayerKind, List<String>> SETTINGS = java.util.Map.ofEntries(
            java.util.Map.entry(LayerKind.DENSE, List.of("units", "bias")),
            java.util.Map.entry(LayerKind.CONV2D, List.of("filters", "kernel", "stride", "padding")),
            java.util.Map.entry(LayerKind.MAX_POOL2D, List.of("size", "stride")),
            java.util.Map.entry(LayerKind.AVG_POOL2D, List.of("size", "stride")),
            java.util.Map.entry(LayerKind.FLATTEN, List.of()),
            java.util.Map.entry(LayerKind.DROPOUT, List.of("rate")),
            java.util.Map.entry(LayerKind.BATCH_NORM, List.of()),
            java.util.Map.entry(LayerKind.ACTIVATION, List.of("function")),
            java.util.Map.entry(LayerKind.EMBEDDING, List.of("vocabulary", "dimension")),
            java.util.Map.entry(LayerKind.LSTM, List.of("units", "return_sequences")),
            java.util.Map.entry(LayerKind.GRU, List.of("units", "return_sequences")));

    static ObjectNode write(Layer layer) {
        return layer.accept(new LayerJson());
    }

    private static ObjectNode node(Layer layer) {
        return NODES.objectNode().put("type", layer.kind().jsonType());
    }

    @Override
    public ObjectNode visit(Dense layer) {
        return node(layer).put("units", layer.units()).put("bias", layer.bias());
    }

    @Override
    public ObjectNode visit(Conv2D layer) {
        return node(layer)
                .put("filters", layer.filters())
                .put("kernel", layer.kernel())
                .put("stride", layer.stride())
                .put("padding", layer.padding().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public ObjectNode visit(MaxPool2D layer) {
        return node(layer).put("size", layer.size()).put("stride", layer.stride());
    }

    @Override
    public ObjectNode visit(AvgPool2D layer) {
        return node(layer).put("size", layer.size()).put("stride", layer.stride());
    }

    @Override
    public ObjectNode visit(Flatten layer) {
        return node(layer);
    }

    @Override
    public ObjectNode visit(Dropout layer) {
        return node(layer).put("rate", layer.rate());
    }

    @Override
    public ObjectNode visit(BatchNorm layer) {
        return node(layer);
    }

    @Override
    public ObjectNode visit(Activation layer) {
        return node(layer).put("function", layer.function().displayName().toLowerCase(Locale.ROOT));
    }

    @Override
    public ObjectNode visit(Embedding layer) {
        return node(layer).put("vocabulary", layer.vocabulary()).put("dimension", layer.dimension());
    }

    @Override
    public ObjectNode visit(Lstm layer) {
        return node(layer).put("units", layer.units()).put("return_sequences", layer.returnSequences());
    }

    @Override
    public ObjectNode visit(Gru layer) {
        return node(layer).put("units", layer.units()).put("return_sequences", layer.returnSequences());
    }

    /** Reads layer {@code number} (1-based, for messages) of a stack file. */
    static Layer read(JsonNode node, int number, String file) throws FileFormatException {
        String where = file + ": layer " + number;
        if (!node.isObject()) {
            throw new FileFormatException(where + " is not an object like {\"type\": \"dense\", \"units\": 64}.");
        }
        String type = node.path("type").asText("");
        LayerKind kind = LayerKind.fromJsonType(type);
        if (kind == null) {
            List<String> types = new ArrayList<>();
            for (LayerKind k : LayerKind.values()) {
                types.add(k.jsonType());
            }
            throw new FileFormatException(
                    where + " has unknown type '" + type + "'; use one of " + String.join(", ", types) + ".");
        }
        Settings s = new Settings(node, where + " (" + kind.displayName() + ")");
        s.allow(SETTINGS.get(kind));
        return switch (kind) {
            case DENSE -> new Dense(s.integer("units", Dense.DEFAULT.units()), s.bool("bias", true));
            case CONV2D ->
                new Conv2D(
                        s.integer("filters", Conv2D.DEFAULT.filters()),
                        s.integer("kernel", Conv2D.DEFAULT.kernel()),
                        s.integer("stride", 1),
                        s.padding());
            case MAX_POOL2D -> new MaxPool2D(s.integer("size", 2), s.integer("stride", s.integer("size", 2)));
            case AVG_POOL2D -> new AvgPool2D(s.integer("size", 2), s.integer("stride", s.integer("size", 2)));
            case FLATTEN -> new Flatten();
            case DROPOUT -> new Dropout(s.number("rate", Dropout.DEFAULT.rate()));
            case BATCH_NORM -> new BatchNorm();
            case ACTIVATION -> new Activation(s.function());
            case EMBEDDING ->
                new Embedding(
                        s.integer("vocabulary", Embedding.DEFAULT.vocabulary()),
                        s.integer("dimension", Embedding.DEFAULT.dimension()));
            case LSTM -> new Lstm(s.integer("units", Lstm.DEFAULT.units()), s.bool("return_sequences", false));
            case GRU -> new Gru(s.integer("units", Lstm.DEFAULT.units()), s.bool("return_sequences", false));
        };
    }

    /** Typed access to one layer's settings, with messages that name the setting. */
    private static final class Settings {
        private final JsonNode node;
        private final String where;

        Settings(JsonNode node, String where) {
            this.node = node;
            this.where = where;
        }

        void allow(List<String> names) throws FileFormatException {
            Set<String> allowed = Set.copyOf(names);
            Iterator<String> fields = node.fieldNames();
            while (fields.hasNext()) {
                String field = fields.next();
                if (!field.equals("type") && !allowed.contains(field)) {
                    throw new FileFormatException(where + " has an unknown setting '" + field + "'; it takes "
                            + (names.isEmpty() ? "none" : String.join(", ", names)) + ".");
                }
            }
        }

        int integer(String name, int fallback) throws FileFormatException {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.canConvertToInt() || !value.isIntegralNumber()) {
                throw new FileFormatException(where + ": '" + name + "' must be a whole number but is " + value + ".");
            }
            return value.intValue();
        }

        double number(String name, double fallback) throws FileFormatException {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isNumber()) {
                throw new FileFormatException(where + ": '" + name + "' must be a number but is " + value + ".");
            }
            return value.doubleValue();
        }

        boolean bool(String name, boolean fallback) throws FileFormatException {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isBoolean()) {
                throw new FileFormatException(where + ": '" + name + "' must be true or false but is " + value + ".");
            }
            return value.booleanValue();
        }

        Padding padding() throws FileFormatException {
            String text = node.path("padding").asText("valid");
            try {
                return Padding.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FileFormatException(
                        where + ": 'padding' must be \"valid\" or \"same\" but is \"" + text + "\".");
            }
        }

        ActivationFunction function() throws FileFormatException {
            String text = node.path("function").asText("relu");
            ActivationFunction function = ActivationFunction.fromName(text);
            if (function == null) {
                throw new FileFormatException(where + ": 'function' must be relu, leakyrelu, sigmoid, tanh or "
                        + "softmax but is \"" + text + "\".");
            }
            return function;
        }
    }
}
