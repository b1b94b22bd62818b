package org.layerlab.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.LayerSummary;
import org.layerlab.core.stack.ShapeInference;
import org.layerlab.core.stack.StackSummary;
import org.layerlab.core.training.ModelInfo;

/**
 * What the service says about its model: GET /v1/model (classes, input, preprocessing, layers) and the v2
 * protocol's model metadata (tensor names, datatypes and shapes, the same as LayerLab's ONNX export).
 */
final class ModelDescription {
    static final String INPUT = "input";
    static final String OUTPUT = "probabilities";
    static final String DATATYPE = "FP32";
    static final String PLATFORM = "pytorch_djl";

    private ModelDescription() {}

    static String v1(ServedModel model) {
        ModelInfo info = model.info();
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("name", model.name());
            json.writeStringField("kind", kind(info));
            intArray(json, "input_shape", info.inputShape());
            json.writeArrayFieldStart("classes");
            for (String name : info.classNames()) {
                json.writeString(name);
            }
            json.writeEndArray();
            json.writeStringField("loss", info.loss().cliName());
            json.writeStringField("input", howToSend(info));
            json.writeFieldName("preprocessing");
            preprocessing(json, info.preprocessing());
            stack(json, ShapeInference.summarize(model.stack()));
            json.writeObjectFieldStart("endpoints");
            json.writeStringField("predict", "/v1/predict");
            json.writeStringField("v2_metadata", "/v2/models/" + model.name());
            json.writeStringField("v2_infer", "/v2/models/" + model.name() + "/infer");
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** "image", "text" or "table", as the ONNX export's input.json says. */
    static String kind(ModelInfo info) {
        if (info.preprocessing() instanceof Preprocessing.Image) {
            return "image";
        }
        return info.preprocessing() instanceof Preprocessing.Text ? "text" : "table";
    }

    static String howToSend(ModelInfo info) {
        int[] shape = info.inputShape();
        if (info.preprocessing() instanceof Preprocessing.Image image) {
            String grey = image.channels() == 1 ? " or [" + shape[1] + "][" + shape[2] + "]" : "";
            return "POST {\"inputs\": [image, ...]}: each image " + Tensors.size(shape)
                    + " pixel values from 0 to 255, flat or nested as " + Tensors.nesting(shape) + grey
                    + " (channels, rows, columns); or POST one image file as the body with Content-Type image/png "
                    + "or image/jpeg.";
        }
        if (info.preprocessing() instanceof Preprocessing.Text) {
            return "POST {\"inputs\": [\"a sentence\", ...]}: each input a string.";
        }
        Preprocessing.Tabular table = (Preprocessing.Tabular) info.preprocessing();
        return "POST {\"inputs\": [row, ...]}: each row an array of "
                + table.columns().size()
                + " values in this order: " + String.join(", ", InputParser.names(table.columns()))
                + " (numbers as they are, categories as text), or an object by column name.";
    }

    private static void preprocessing(JsonGenerator json, Preprocessing preprocessing) throws IOException {
        json.writeStartObject();
        if (preprocessing instanceof Preprocessing.Image image) {
            json.writeStringField("type", "image");
            json.writeNumberField("channels", image.channels());
            json.writeNumberField("height", image.height());
            json.writeNumberField("width", image.width());
            json.writeStringField(
                    "pixels",
                    "0 to 255; an image file is scaled to height × width (bilinear), grey = 0.299 R + 0.587 G + "
                            + "0.114 B; the network sees value / 255");
        } else if (preprocessing instanceof Preprocessing.Text text) {
            json.writeStringField("type", "text");
            json.writeNumberField("sequence_length", text.sequenceLength());
            json.writeNumberField("padding_id", 0);
            json.writeNumberField("unknown_id", 1);
            json.writeStringField(
                    "words",
                    "lower-case runs of letters and digits (an apostrophe inside a word kept); a word's id is its "
                            + "position in vocabulary, 1 when absent; the first sequence_length words, padded with 0 "
                            + "at the front");
            json.writeArrayFieldStart("vocabulary");
            for (String word : text.vocabulary()) {
                json.writeString(word);
            }
            json.writeEndArray();
        } else if (preprocessing instanceof Preprocessing.Tabular table) {
            json.writeStringField("type", "table");
            json.writeStringField("label_column", table.labelColumn());
            json.writeArrayFieldStart("columns");
            int position = 0;
            for (Preprocessing.Column column : table.columns()) {
                json.writeStartObject();
                json.writeStringField("name", column.name());
                json.writeStringField("type", column.categorical() ? "category" : "number");
                if (column.categorical()) {
                    json.writeArrayFieldStart("levels");
                    for (String level : column.levels()) {
                        json.writeString(level);
                    }
                    json.writeEndArray();
                } else {
                    json.writeNumberField("mean", column.mean());
                    json.writeNumberField("std", column.std());
                }
                // Where the column's values sit in the v2 input tensor (categories one-hot).
                json.writeArrayFieldStart("positions");
                for (int i = 0; i < column.width(); i++) {
                    json.writeNumber(position++);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void stack(JsonGenerator json, StackSummary summary) throws IOException {
        json.writeObjectFieldStart("stack");
        json.writeArrayFieldStart("layers");
        for (LayerSummary layer : summary.layers()) {
            json.writeStartObject();
            json.writeStringField("layer", LayerLabel.of(layer.layer()));
            if (layer.output() != null) {
                intArray(json, "output_shape", layer.output().dims());
            }
            json.writeNumberField("parameters", layer.parameters());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("parameters", summary.totalParameters());
        json.writeEndObject();
    }

    /** The v2 protocol's model metadata; no "versions": this server does not keep versions of a model. */
    static String v2(ServedModel model) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("name", model.name());
            json.writeStringField("platform", PLATFORM);
            json.writeArrayFieldStart("inputs");
            tensor(json, INPUT, model.info().inputShape());
            json.writeEndArray();
            json.writeArrayFieldStart("outputs");
            tensor(json, OUTPUT, new int[] {model.info().classNames().size()});
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void tensor(JsonGenerator json, String name, int[] sampleShape) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("datatype", DATATYPE);
        json.writeArrayFieldStart("shape");
        json.writeNumber(-1);
        for (int d : sampleShape) {
            json.writeNumber(d);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void intArray(JsonGenerator json, String field, int[] values) throws IOException {
        json.writeArrayFieldStart(field);
        for (int v : values) {
            json.writeNumber(v);
        }
        json.writeEndArray();
    }
}
