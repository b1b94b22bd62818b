package org.layerlab.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerKind;
import org.layerlab.core.stack.LayerSpec;
import org.layerlab.core.stack.SettingSpec;
import org.layerlab.core.stack.SettingValues;

/**
 * One layer as a JSON object: {"type": "dense", "units": 128, "bias": true}. The settings of each kind come
 * from its {@link LayerSpec}; a file that leaves one out gets the kind's default.
 */
final class LayerJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LayerJson() {}

    static ObjectNode write(Layer layer) {
        ObjectNode node = NODES.objectNode().put("type", layer.kind().jsonType());
        LayerSpec<? extends Layer> spec = layer.kind().spec();
        SettingValues values = spec.valuesOf(layer);
        for (SettingSpec<? extends Layer> setting : spec.settings()) {
            Object value = values.get(setting.name());
            switch (setting.type()) {
                case WHOLE_NUMBER -> node.put(setting.name(), ((Number) value).intValue());
                case NUMBER -> node.put(setting.name(), ((Number) value).doubleValue());
                case YES_NO -> node.put(setting.name(), (Boolean) value);
                case CHOICE -> node.put(setting.name(), String.valueOf(value).toLowerCase(Locale.ROOT));
            }
        }
        return node;
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
        where += " (" + kind.displayName() + ")";
        LayerSpec<? extends Layer> spec = kind.spec();
        rejectUnknown(node, spec.settingNames(), where);
        SettingValues values = new SettingValues();
        for (SettingSpec<? extends Layer> setting : spec.settings()) {
            JsonNode value = node.get(setting.name());
            values.put(
                    setting.name(),
                    value == null || value.isNull()
                            ? spec.fallback(setting.name(), values)
                            : typed(setting, value, where));
        }
        return spec.build(values);
    }

    private static void rejectUnknown(JsonNode node, List<String> names, String where) throws FileFormatException {
        Iterator<String> fields = node.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!field.equals("type") && !names.contains(field)) {
                throw new FileFormatException(where + " has an unknown setting '" + field + "'; it takes "
                        + (names.isEmpty() ? "none" : String.join(", ", names)) + ".");
            }
        }
    }

    private static Object typed(SettingSpec<? extends Layer> setting, JsonNode value, String where)
            throws FileFormatException {
        String name = "'" + setting.name() + "'";
        return switch (setting.type()) {
            case WHOLE_NUMBER -> {
                String problem = value.isNumber()
                        ? SettingSpec.wholeNumberProblem(value.decimalValue())
                        : "must be a whole number but is " + value;
                if (problem != null) {
                    throw new FileFormatException(where + ": " + name + " " + problem + ".");
                }
                yield value.intValue();
            }
            case NUMBER -> {
                if (!value.isNumber()) {
                    throw new FileFormatException(where + ": " + name + " must be a number but is " + value + ".");
                }
                yield value.doubleValue();
            }
            case YES_NO -> {
                if (!value.isBoolean()) {
                    throw new FileFormatException(where + ": " + name + " must be true or false but is " + value + ".");
                }
                yield value.booleanValue();
            }
            case CHOICE -> choice(setting, value.asText(), where);
        };
    }

    private static String choice(SettingSpec<? extends Layer> setting, String text, String where)
            throws FileFormatException {
        for (String choice : setting.choices()) {
            if (choice.equalsIgnoreCase(text)) {
                return choice;
            }
        }
        List<String> allowed =
                setting.choices().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        throw new FileFormatException(where + ": '" + setting.name() + "' must be "
                + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1)
                + " but is \"" + text + "\".");
    }
}
