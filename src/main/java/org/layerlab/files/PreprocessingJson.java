package org.layerlab.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.data.ContentFrame;
import org.layerlab.core.data.Preprocessing;

/** How a model's input was prepared, as JSON inside model.json. */
final class PreprocessingJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PreprocessingJson() {}

    static ObjectNode write(Preprocessing preprocessing) {
        ObjectNode node = NODES.objectNode();
        if (preprocessing instanceof Preprocessing.Image image) {
            node.put("type", "image")
                    .put("channels", image.channels())
                    .put("height", image.height())
                    .put("width", image.width());
            ContentFrame frame = image.frame();
            if (frame.measured()) {
                // Absent in models saved before it was measured: their inputs are only resized.
                node.putObject("content")
                        .put("background", frame.background())
                        .put("box_height", frame.boxHeight())
                        .put("box_width", frame.boxWidth())
                        .put("centred", frame.centred());
            }
        } else if (preprocessing instanceof Preprocessing.Text text) {
            node.put("type", "text").put("sequence_length", text.sequenceLength());
            ArrayNode words = node.putArray("vocabulary");
            text.vocabulary().forEach(words::add);
        } else if (preprocessing instanceof Preprocessing.Tabular table) {
            node.put("type", "tabular").put("label_column", table.labelColumn());
            ArrayNode columns = node.putArray("columns");
            for (Preprocessing.Column column : table.columns()) {
                ObjectNode c = columns.addObject().put("name", column.name());
                if (column.categorical()) {
                    ArrayNode levels = c.putArray("levels");
                    column.levels().forEach(levels::add);
                } else {
                    c.put("mean", column.mean()).put("std", column.std());
                }
            }
        }
        return node;
    }

    static Preprocessing read(JsonNode node, String name) throws FileFormatException {
        String type = node.path("type").asText("");
        return switch (type) {
            case "image" ->
                new Preprocessing.Image(
                        node.path("channels").asInt(1),
                        node.path("height").asInt(),
                        node.path("width").asInt(),
                        frame(node.path("content")));
            case "text" ->
                new Preprocessing.Text(
                        strings(node.path("vocabulary")),
                        node.path("sequence_length").asInt());
            case "tabular" -> tabular(node);
            default -> throw new FileFormatException(name + ": unknown preprocessing type '" + type + "'.");
        };
    }

    private static ContentFrame frame(JsonNode content) {
        if (!content.isObject() || !content.path("background").isInt()) {
            return ContentFrame.UNMEASURED;
        }
        return new ContentFrame(
                content.path("background").asInt(),
                content.path("box_height").asInt(0),
                content.path("box_width").asInt(0),
                content.path("centred").asBoolean(false));
    }

    private static Preprocessing.Tabular tabular(JsonNode node) {
        List<Preprocessing.Column> columns = new ArrayList<>();
        for (JsonNode c : node.path("columns")) {
            columns.add(new Preprocessing.Column(
                    c.path("name").asText(),
                    c.path("mean").asDouble(0),
                    c.path("std").asDouble(1),
                    strings(c.path("levels"))));
        }
        return new Preprocessing.Tabular(node.path("label_column").asText(), columns);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }
}
