package org.layerlab.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.training.ModelInfo;

/**
 * What an exported model reads and answers, written beside it as JSON: the class names in output order,
 * the raw input (pixels 0–255; table features in training column order with categories one-hot; token
 * ids), and what a float graph cannot hold: category levels, the tokenizer's rules and vocabulary. The
 * same file goes with every export, so that ONNX, PyTorch and Keras users prepare input alike.
 */
final class InputSpec {
    static final String INPUT = "input";
    static final String OUTPUT = "probabilities";

    private InputSpec() {}

    static ObjectNode json(ModelInfo info) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode().put("format", "layerlab-export").put("version", 1);
        ArrayNode classes = root.putArray("classes");
        info.classNames().forEach(classes::add);
        ObjectNode input = root.putObject("input").put("name", INPUT).put("dtype", "float32");
        ArrayNode shape = input.putArray("shape").add(-1);
        for (int d : info.inputShape()) {
            shape.add(d);
        }
        root.putObject("output")
                .put("name", OUTPUT)
                .put("dtype", "float32")
                .putArray("shape")
                .add(-1)
                .add(info.classNames().size());
        Preprocessing prep = info.preprocessing();
        if (prep instanceof Preprocessing.Image image) {
            root.put("kind", "image");
            root.putObject("image")
                    .put("channels", image.channels())
                    .put("height", image.height())
                    .put("width", image.width())
                    .put("layout", "channels, height, width; grey = 0.299 R + 0.587 G + 0.114 B")
                    .put("pixel_values", "0 to 255, as in the image file; the model scales them itself");
        } else if (prep instanceof Preprocessing.Text text) {
            root.put("kind", "text");
            ObjectNode t = root.putObject("text")
                    .put("sequence_length", text.sequenceLength())
                    .put("padding_id", 0)
                    .put("unknown_id", 1)
                    .put(
                            "words",
                            "lower-case runs of letters and digits, with an apostrophe inside a word kept "
                                    + "(\"don't\"); everything else separates words")
                    .put(
                            "ids",
                            "a word's id is its position in vocabulary, 1 when it is not there; a sentence "
                                    + "keeps its first sequence_length words and is padded with 0 at the front");
            ArrayNode vocabulary = t.putArray("vocabulary");
            text.vocabulary().forEach(vocabulary::add);
        } else if (prep instanceof Preprocessing.Tabular table) {
            root.put("kind", "table");
            ObjectNode t = root.putObject("table").put("label_column", table.labelColumn());
            ArrayNode columns = t.putArray("columns");
            int position = 0;
            for (Preprocessing.Column column : table.columns()) {
                ObjectNode c = columns.addObject().put("name", column.name());
                ArrayNode positions = c.putArray("positions");
                for (int i = 0; i < column.width(); i++) {
                    positions.add(position++);
                }
                if (column.categorical()) {
                    c.put("type", "category").put("encoding", "one-hot: 1 at the level's position, 0 elsewhere");
                    ArrayNode levels = c.putArray("levels");
                    column.levels().forEach(levels::add);
                } else {
                    c.put("type", "number")
                            .put("mean", column.mean())
                            .put("std", column.std())
                            .put("note", "give the raw value; the model standardises it with this mean and std");
                }
            }
        }
        return root;
    }
}
