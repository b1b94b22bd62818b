package org.layerlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.training.Prediction;

/**
 * The Open Inference Protocol ("v2", KServe and Triton) for the one model: health, model metadata and
 * inference with one FP32 input tensor "input" (batch first, then the model's input shape, raw values as
 * LayerLab's ONNX export reads them) and one FP32 output "probabilities" (batch, classes). Request and
 * response JSON follow the specification's field names exactly; errors are {@code {"error": "..."}}.
 */
final class InferenceV2Handler {
    static final String SERVER_NAME = "layerlab";
    static final String SERVER_VERSION = "0.1.0";
    private static final Set<String> REQUEST_FIELDS = Set.of("id", "parameters", "inputs", "outputs");
    private static final Set<String> INPUT_FIELDS = Set.of("name", "shape", "datatype", "parameters", "data");
    private static final Set<String> OUTPUT_FIELDS = Set.of("name", "parameters");

    private final ServedModel model;
    private final InputParser parser;
    private final Batcher batcher;
    private final ParseGate gate;
    private final String metadata;

    InferenceV2Handler(ServedModel model, InputParser parser, Batcher batcher, ParseGate gate) {
        this.model = model;
        this.parser = parser;
        this.batcher = batcher;
        this.gate = gate;
        this.metadata = ModelDescription.v2(model);
    }

    static Reply server(Request request) {
        return Reply.json(Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("name", SERVER_NAME);
            json.writeStringField("version", SERVER_VERSION);
            json.writeArrayFieldStart("extensions");
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    Reply metadata(Request request) {
        return Reply.json(metadata);
    }

    Reply infer(Request request) throws HttpError, IOException {
        byte[] body = request.body();
        Parsed parsed = gate.run(() -> parse(Json.parse(body)));
        List<Prediction> predictions = batcher.answer(parsed.inputs());
        return Reply.json(response(parsed.id(), predictions));
    }

    /** A checked inference request: its inputs made ready for the model, and its id (null when none). */
    private record Parsed(FeatureStore inputs, String id) {}

    private Parsed parse(JsonNode root) throws HttpError {
        if (!root.isObject()) {
            throw HttpError.badRequest("the body is " + Tensors.describe(root) + " but should be an inference request "
                    + "object {\"inputs\": [{\"name\", \"shape\", \"datatype\", \"data\"}]}.");
        }
        onlyFields(root, REQUEST_FIELDS, "the request");
        JsonNode id = root.get("id");
        if (id != null && !id.isTextual()) {
            throw HttpError.badRequest("\"id\" is " + Tensors.describe(id) + " but should be a string.");
        }
        objectOrAbsent(root.get("parameters"), "\"parameters\"");
        checkOutputs(root.get("outputs"));
        JsonNode inputs = root.path("inputs");
        if (!inputs.isArray() || inputs.size() != 1) {
            throw HttpError.badRequest("\"inputs\" is " + Tensors.describe(inputs) + " but should be an array of one "
                    + "tensor named \"" + ModelDescription.INPUT + "\".");
        }
        JsonNode input = inputs.get(0);
        int count = checkInput(input);
        int[] shape = shape(count);
        JsonNode data = input.path("data");
        if (!data.isArray()) {
            throw HttpError.badRequest(
                    "inputs[0].data is " + Tensors.describe(data) + " but should be an array of numbers.");
        }
        double[] values = Tensors.depth(data) == 1
                ? Tensors.flat(data, shape, "inputs[0].data")
                : Tensors.nested(data, shape, "inputs[0].data");
        return new Parsed(parser.fromRaw(values, count, "inputs[0].data"), id == null ? null : id.textValue());
    }

    /** Checks the input tensor's name, datatype and shape; returns its batch size. */
    private int checkInput(JsonNode input) throws HttpError {
        if (!input.isObject()) {
            throw HttpError.badRequest("inputs[0] is " + Tensors.describe(input) + " but should be an object.");
        }
        onlyFields(input, INPUT_FIELDS, "inputs[0]");
        JsonNode name = input.path("name");
        if (!ModelDescription.INPUT.equals(name.textValue())) {
            throw HttpError.badRequest("inputs[0].name is " + Tensors.describe(name) + " but this model's input is \""
                    + ModelDescription.INPUT + "\".");
        }
        JsonNode datatype = input.path("datatype");
        if (!ModelDescription.DATATYPE.equals(datatype.textValue())) {
            throw HttpError.badRequest("inputs[0].datatype is " + Tensors.describe(datatype)
                    + " but this model reads \"" + ModelDescription.DATATYPE + "\".");
        }
        objectOrAbsent(input.get("parameters"), "inputs[0].parameters");
        int[] expected = model.info().inputShape();
        String wanted = "[N, "
                + String.join(
                        ", ",
                        java.util.Arrays.stream(expected)
                                .mapToObj(Integer::toString)
                                .toList())
                + "] with N from 1 to " + InputParser.MAX_INPUTS;
        JsonNode shape = input.path("shape");
        if (!shape.isArray() || shape.size() != expected.length + 1) {
            throw HttpError.badRequest("inputs[0].shape is " + shape + " but should be " + wanted + ".");
        }
        for (int axis = 0; axis < shape.size(); axis++) {
            JsonNode d = shape.get(axis);
            boolean fits = d.isIntegralNumber()
                    && d.canConvertToInt()
                    && (axis == 0
                            ? d.intValue() >= 1 && d.intValue() <= InputParser.MAX_INPUTS
                            : d.intValue() == expected[axis - 1]);
            if (!fits) {
                throw HttpError.badRequest("inputs[0].shape is " + shape + " but should be " + wanted + ".");
            }
        }
        return shape.get(0).intValue();
    }

    private int[] shape(int count) {
        int[] sample = model.info().inputShape();
        int[] shape = new int[sample.length + 1];
        shape[0] = count;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        return shape;
    }

    private static void checkOutputs(JsonNode outputs) throws HttpError {
        if (outputs == null) {
            return;
        }
        if (!outputs.isArray()) {
            throw HttpError.badRequest("\"outputs\" is " + Tensors.describe(outputs) + " but should be an array.");
        }
        for (int i = 0; i < outputs.size(); i++) {
            JsonNode output = outputs.get(i);
            if (!output.isObject()) {
                throw HttpError.badRequest(
                        "outputs[" + i + "] is " + Tensors.describe(output) + " but should be an object.");
            }
            onlyFields(output, OUTPUT_FIELDS, "outputs[" + i + "]");
            objectOrAbsent(output.get("parameters"), "outputs[" + i + "].parameters");
            if (!ModelDescription.OUTPUT.equals(output.path("name").textValue())) {
                throw HttpError.badRequest("outputs[" + i + "].name is " + Tensors.describe(output.path("name"))
                        + " but this model's only output is \"" + ModelDescription.OUTPUT + "\".");
            }
        }
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String where) throws HttpError {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw HttpError.badRequest(
                        where + " has a field \"" + name + "\" that the protocol does not define; " + "allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
    }

    private static void objectOrAbsent(JsonNode node, String where) throws HttpError {
        if (node != null && !node.isObject()) {
            throw HttpError.badRequest(where + " is " + Tensors.describe(node) + " but should be an object.");
        }
    }

    /** {@code {"model_name", "id"?, "outputs": [{"name", "shape", "datatype", "data"}]}}; no model_version. */
    private String response(String id, List<Prediction> predictions) {
        int classes = model.info().classNames().size();
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("model_name", model.name());
            if (id != null) {
                json.writeStringField("id", id);
            }
            json.writeArrayFieldStart("outputs");
            json.writeStartObject();
            json.writeStringField("name", ModelDescription.OUTPUT);
            json.writeArrayFieldStart("shape");
            json.writeNumber(predictions.size());
            json.writeNumber(classes);
            json.writeEndArray();
            json.writeStringField("datatype", ModelDescription.DATATYPE);
            json.writeArrayFieldStart("data");
            for (Prediction prediction : predictions) {
                for (float p : prediction.probabilities()) {
                    Json.probability(json, p);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
