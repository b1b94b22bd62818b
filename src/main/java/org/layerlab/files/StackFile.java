package org.layerlab.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.TensorShape;

/**
 * The stack file format, version 1:
 * {"format": "layerlab-stack", "version": 1, "input": [1, 28, 28], "layers": [{"type": "flatten"}, ...]}.
 * "input" may be left out to take the shape from the data.
 */
public final class StackFile {
    static final String FORMAT = "layerlab-stack";
    static final int VERSION = 1;

    private StackFile() {}

    public static LayerStack read(Path file) throws FileFormatException {
        return fromJson(JsonFiles.read(file), file.toString());
    }

    public static void write(Path file, LayerStack stack) throws IOException {
        JsonFiles.write(file, toJson(stack));
    }

    public static ObjectNode toJson(LayerStack stack) {
        ObjectNode root =
                JsonNodeFactory.instance.objectNode().put("format", FORMAT).put("version", VERSION);
        if (stack.input() != null) {
            ArrayNode input = root.putArray("input");
            for (int d : stack.input().dims()) {
                input.add(d);
            }
        }
        ArrayNode layers = root.putArray("layers");
        for (Layer layer : stack.layers()) {
            layers.add(LayerJson.write(layer));
        }
        return root;
    }

    public static LayerStack fromJson(JsonNode root, String name) throws FileFormatException {
        JsonFiles.checkHeader(root, name, FORMAT, VERSION);
        TensorShape input = readInput(root.get("input"), name);
        JsonNode layers = root.get("layers");
        if (layers == null || !layers.isArray()) {
            throw new FileFormatException(name + ": has no \"layers\" list; add \"layers\": [ ... ].");
        }
        List<Layer> read = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            read.add(LayerJson.read(layers.get(i), i + 1, name));
        }
        return new LayerStack(input, read);
    }

    private static TensorShape readInput(JsonNode node, String name) throws FileFormatException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty() || node.size() > 3) {
            throw new FileFormatException(name + ": \"input\" must be a list of 1 to 3 sizes such as [1, 28, 28] or "
                    + "[4], but is " + node + ".");
        }
        int[] dims = new int[node.size()];
        for (int i = 0; i < dims.length; i++) {
            JsonNode d = node.get(i);
            if (!d.isIntegralNumber() || d.intValue() < 1) {
                throw new FileFormatException(name + ": \"input\" sizes must be whole numbers of at least 1, but "
                        + "entry " + (i + 1) + " is " + d + ".");
            }
            dims[i] = d.intValue();
        }
        return TensorShape.of(dims);
    }
}
