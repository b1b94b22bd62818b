package org.layerlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads numbers given as JSON arrays, flat or nested in a tensor's shape (row-major either way), and says
 * exactly where and how they do not fit.
 */
final class Tensors {

    private Tensors() {}

    /** How deeply arrays nest, following first elements: 0 for a number, 1 for a flat array. */
    static int depth(JsonNode node) {
        int depth = 0;
        JsonNode at = node;
        while (at.isArray()) {
            depth++;
            if (at.size() == 0) {
                break;
            }
            at = at.get(0);
        }
        return depth;
    }

    static long size(int[] shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        return size;
    }

    static String dims(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(" × "));
    }

    static String nesting(int[] shape) {
        return Arrays.stream(shape).mapToObj(d -> "[" + d + "]").collect(Collectors.joining());
    }

    /** The values of {@code node} laid out flat: a flat array of size(shape) numbers. */
    static double[] flat(JsonNode node, int[] shape, String where) throws HttpError {
        long size = size(shape);
        if (node.size() != size) {
            throw HttpError.badRequest(
                    where + ": has " + node.size() + " values but " + dims(shape) + " makes " + size + ".");
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(node.get(i), where + "[" + i + "]");
        }
        return out;
    }

    /** The values of {@code node} nested exactly as {@code shape}, in row-major order. */
    static double[] nested(JsonNode node, int[] shape, String where) throws HttpError {
        long size = size(shape);
        double[] out = new double[(int) size];
        fill(node, shape, 0, where, out, new int[1]);
        return out;
    }

    private static void fill(JsonNode node, int[] shape, int axis, String where, double[] out, int[] at)
            throws HttpError {
        if (axis == shape.length) {
            out[at[0]++] = number(node, where);
            return;
        }
        if (!node.isArray() || node.size() != shape[axis]) {
            throw HttpError.badRequest(where + ": is " + describe(node) + " but should be an array of " + shape[axis]
                    + " (the whole should nest as " + nesting(shape) + ").");
        }
        for (int i = 0; i < shape[axis]; i++) {
            fill(node.get(i), shape, axis + 1, where + "[" + i + "]", out, at);
        }
    }

    static double number(JsonNode node, String where) throws HttpError {
        if (!node.isNumber()) {
            throw HttpError.badRequest(where + ": is " + describe(node) + " but should be a number.");
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw HttpError.badRequest(where + ": " + node + " is too large for a number.");
        }
        return value;
    }

    /** A value's JSON type in a few words, for error messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isArray()) {
            return "an array of " + node.size();
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return "a string (\"" + (text.length() > 20 ? text.substring(0, 17) + "..." : text) + "\")";
        }
        if (node.isNumber()) {
            return "the number " + node;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        return "null";
    }
}
