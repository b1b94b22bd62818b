package org.layerlab.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.layerlab.core.training.Prediction;

/**
 * Strict JSON in (no trailing text, no duplicate keys, no NaN, no comments: Jackson's defaults plus two)
 * and the service's answers out. Probabilities are written as {@code predict --format json} writes them:
 * {@link Float#toString}, and null for a value JSON cannot hold.
 */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Pattern START_MARKER =
            Pattern.compile("\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)");

    private Json() {}

    static JsonNode parse(byte[] body) throws HttpError {
        if (body.length == 0) {
            throw HttpError.badRequest("the body is empty; send JSON (see GET /v1/model for what this model reads).");
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw HttpError.badRequest("the body holds no JSON value.");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw HttpError.badRequest("the body is not valid JSON: " + plain(e.getOriginalMessage()) + where + ".");
        } catch (IOException e) {
            throw HttpError.badRequest("the body cannot be read as JSON (" + e.getMessage() + ").");
        }
    }

    /** Jackson's message in one line, its "start marker at [Source: ...]" said plainly. */
    static String plain(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return START_MARKER.matcher(line).replaceAll("(opened at line $1, column $2)");
    }

    /** Writes JSON with a generator into a string. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    static String write(Writer writer) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(text)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    static String error(String message) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        });
    }

    static void probability(JsonGenerator json, float value) throws IOException {
        if (Float.isFinite(value)) {
            json.writeNumber(Float.toString(value));
        } else {
            json.writeNull();
        }
    }

    /** The v1 answer: {@code {"predictions": [{"label": ..., "probabilities": {"<class>": p, ...}}]}}. */
    static String predictions(List<Prediction> predictions, List<String> classes) {
        return predictions(predictions, classes, "");
    }

    /** The same, each prediction also saying how its image was {@code prepared} when that is not empty. */
    static String predictions(List<Prediction> predictions, List<String> classes, String prepared) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("predictions");
            for (Prediction prediction : predictions) {
                json.writeStartObject();
                json.writeStringField("label", classes.get(prediction.predictedClass()));
                if (!prepared.isEmpty()) {
                    json.writeStringField("prepared", prepared);
                }
                json.writeObjectFieldStart("probabilities");
                float[] p = prediction.probabilities();
                for (int c = 0; c < classes.size(); c++) {
                    json.writeFieldName(classes.get(c));
                    probability(json, p[c]);
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
