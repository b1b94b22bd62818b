package org.layerlab.cli;

import java.util.List;
import org.layerlab.core.training.Prediction;

/**
 * One prediction as a line of JSON Lines, in a fixed shape that exported and served models are compared
 * against: {@code {"input": "a.png", "label": "cat", "probabilities": {"cat": 0.9, "dog": 0.1}}}, classes in
 * the model's order, each probability the shortest decimal that reads back as the same float, and
 * {@code "expected": "cat"} at the end when the input says which class it should be.
 */
final class PredictionJson {

    private PredictionJson() {}

    static String line(String input, Prediction prediction, List<String> classes, String expected) {
        StringBuilder json = new StringBuilder("{\"input\": ").append(string(input));
        json.append(", \"label\": ").append(string(classes.get(prediction.predictedClass())));
        json.append(", \"probabilities\": {");
        float[] p = prediction.probabilities();
        for (int c = 0; c < classes.size(); c++) {
            json.append(c == 0 ? "" : ", ")
                    .append(string(classes.get(c)))
                    .append(": ")
                    .append(number(p[c]));
        }
        json.append('}');
        if (expected != null) {
            json.append(", \"expected\": ").append(string(expected));
        }
        return json.append('}').toString();
    }

    /** JSON has no NaN or infinity: a model that produced one shows null. */
    static String number(float value) {
        return Float.isFinite(value) ? Float.toString(value) : "null";
    }

    static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
