package org.layerlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.ImagePreparation;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.TokenFeatures;
import org.layerlab.data.ImageFiles;
import org.layerlab.data.TabularEncoder;
import org.layerlab.data.Tokenizer;

/**
 * Turns what a client sends into the features the model reads, prepared exactly as {@code predict}
 * prepares files: v1's inputs (table rows by position or by column name, images as pixel arrays,
 * sentences), an image file sent as the body, and v2's raw tensors (the numbers LayerLab's ONNX export
 * reads: pixels 0–255, table features with categories one-hot and numbers not yet standardised, token ids).
 */
final class InputParser {
    /** The most inputs one request may carry, so that no single request holds the model for long. */
    static final int MAX_INPUTS = 1000;
    /** The most pixels an image sent as the body may have, so that a small file cannot decode into gigabytes. */
    static final long MAX_PIXELS = 4096L * 4096L;

    private final Preprocessing preprocessing;
    private final int[] inputShape;
    private final Map<String, Integer> wordIds = new HashMap<>();
    private final boolean prepareImages;

    /** An image body's features and what preparing it did ("inverted, cropped …"; empty when only resized). */
    record ImageBody(FeatureStore features, String prepared) {}

    InputParser(Preprocessing preprocessing, int[] inputShape) {
        this(preprocessing, inputShape, true);
    }

    InputParser(Preprocessing preprocessing, int[] inputShape, boolean prepareImages) {
        this.preprocessing = preprocessing;
        this.prepareImages = prepareImages;
        this.inputShape = inputShape.clone();
        if (preprocessing instanceof Preprocessing.Text text) {
            for (int i = 0; i < text.vocabulary().size(); i++) {
                wordIds.put(text.vocabulary().get(i), i);
            }
        }
    }

    /** The inputs of a v1 request: {@code {"inputs": [...]}}, nothing else. */
    FeatureStore v1(JsonNode root) throws HttpError {
        if (!root.isObject()) {
            throw HttpError.badRequest(
                    "the body is " + Tensors.describe(root) + " but should be a JSON object " + "{\"inputs\": [...]}.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"inputs".equals(name)) {
                throw HttpError.badRequest(
                        "the body has a field \"" + name + "\"; a request has only \"inputs\": [...].");
            }
        }
        JsonNode inputs = root.path("inputs");
        checkCount(inputs, "inputs");
        if (preprocessing instanceof Preprocessing.Image) {
            return images(inputs);
        }
        if (preprocessing instanceof Preprocessing.Text) {
            return sentences(inputs);
        }
        return rows(inputs, (Preprocessing.Tabular) preprocessing);
    }

    static void checkCount(JsonNode inputs, String where) throws HttpError {
        if (!inputs.isArray()) {
            throw HttpError.badRequest(
                    where + ": is " + Tensors.describe(inputs) + " but should be an array with one entry per input.");
        }
        if (inputs.size() == 0) {
            throw HttpError.badRequest(where + ": is empty; send at least one input.");
        }
        if (inputs.size() > MAX_INPUTS) {
            throw HttpError.badRequest(
                    where + ": has " + inputs.size() + " inputs; send at most " + MAX_INPUTS + " per request.");
        }
    }

    private FeatureStore images(JsonNode inputs) throws HttpError {
        int size = (int) Tensors.size(inputShape);
        double[] values = new double[inputs.size() * size];
        for (int i = 0; i < inputs.size(); i++) {
            double[] one = image(inputs.get(i), "inputs[" + i + "]");
            System.arraycopy(one, 0, values, i * size, size);
        }
        return fromRaw(values, inputs.size(), "inputs");
    }

    /** One image's pixels: flat, nested as (channels, height, width), or as (height, width) when grey. */
    private double[] image(JsonNode input, String where) throws HttpError {
        int depth = Tensors.depth(input);
        if (depth == 1) {
            return Tensors.flat(input, inputShape, where);
        }
        if (depth == inputShape.length) {
            return Tensors.nested(input, inputShape, where);
        }
        int[] plane = {inputShape[1], inputShape[2]};
        if (inputShape[0] == 1 && depth == 2) {
            return Tensors.nested(input, plane, where);
        }
        String grey = inputShape[0] == 1 ? " or " + Tensors.nesting(plane) : "";
        throw HttpError.badRequest(where + ": is " + Tensors.describe(input) + " nested " + depth
                + " deep; give an image's " + Tensors.size(inputShape) + " pixel values (0 to 255) flat, or nested as "
                + Tensors.nesting(inputShape) + grey + ".");
    }

    private FeatureStore sentences(JsonNode inputs) throws HttpError {
        Preprocessing.Text text = (Preprocessing.Text) preprocessing;
        int length = text.sequenceLength();
        int[] tokens = new int[inputs.size() * length];
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode input = inputs.get(i);
            if (!input.isTextual()) {
                throw HttpError.badRequest("inputs[" + i + "]: is " + Tensors.describe(input)
                        + " but this model reads text: give each input as a string.");
            }
            Tokenizer.encode(Tokenizer.words(input.textValue()), wordIds, length, tokens, i * length);
        }
        return new TokenFeatures(tokens, length);
    }

    private static FeatureStore rows(JsonNode inputs, Preprocessing.Tabular table) throws HttpError {
        int width = table.featureCount();
        float[] features = new float[inputs.size() * width];
        for (int i = 0; i < inputs.size(); i++) {
            String[] cells = TableRow.cells(inputs.get(i), table, "inputs[" + i + "]");
            TabularEncoder.encode(table, cells, features, i * width);
        }
        return new FloatFeatures(features, width);
    }

    /** An image file sent as the body, prepared as {@code predict} prepares an image file. */
    ImageBody imageBody(byte[] body, String contentType) throws HttpError {
        if (!(preprocessing instanceof Preprocessing.Image prep)) {
            throw new HttpError(
                    415, "this model reads " + kind() + ", not images; send JSON {\"inputs\": [...]} instead.");
        }
        BufferedImage image = decode(body, contentType, prep);
        int size = prep.channels() * prep.height() * prep.width();
        byte[] pixels = new byte[size];
        // A digit written dark on white, or larger and off-centre, is prepared as the training digits were.
        String prepared = ImageFiles.prepare(image, prep, prepareImages, pixels, 0)
                .map(ImagePreparation.Prepared::note)
                .orElse("");
        return new ImageBody(new ByteFeatures(pixels, size), prepared);
    }

    private static BufferedImage decode(byte[] body, String contentType, Preprocessing.Image prep) throws HttpError {
        String problem = "the body (" + contentType + ", " + body.length + " bytes) cannot be read as an image";
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(body))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw HttpError.badRequest(problem + "; send a PNG or JPEG file.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new HttpError(
                            413,
                            String.format(
                                    Locale.ROOT,
                                    "the image has %,d pixels; send at most %,d (the model reads %d × %d, so scale "
                                            + "it down first).",
                                    pixels,
                                    MAX_PIXELS,
                                    prep.height(),
                                    prep.width()));
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw HttpError.badRequest(problem + " (" + e.getMessage() + ").");
        }
    }

    /**
     * Inputs given as the raw numbers the exported model reads, {@code count} of them laid out flat:
     * pixels 0–255, token ids, or table features in column order (numbers as they are, categories one-hot).
     */
    FeatureStore fromRaw(double[] values, int count, String where) throws HttpError {
        int size = values.length / count;
        if (preprocessing instanceof Preprocessing.Image) {
            return pixels(values, size, where);
        }
        if (preprocessing instanceof Preprocessing.Text text) {
            int[] ids = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (v != Math.rint(v) || v < 0 || v >= text.vocabulary().size()) {
                    throw HttpError.badRequest(where + ": value " + i + " is " + v + " but token ids are whole "
                            + "numbers from 0 to " + (text.vocabulary().size() - 1) + " (see GET /v1/model).");
                }
                ids[i] = (int) v;
            }
            return new TokenFeatures(ids, size);
        }
        List<Preprocessing.Column> columns = ((Preprocessing.Tabular) preprocessing).columns();
        float[] features = new float[values.length];
        for (int row = 0; row < count; row++) {
            int at = row * size;
            for (Preprocessing.Column column : columns) {
                if (column.categorical()) {
                    for (int l = 0; l < column.width(); l++, at++) {
                        features[at] = (float) values[at];
                    }
                } else {
                    // As TabularEncoder standardises a cell, so that v1 and v2 give the same numbers.
                    features[at] = (float) ((values[at] - column.mean()) / column.std());
                    at++;
                }
            }
        }
        return new FloatFeatures(features, size);
    }

    /** Whole pixel values become bytes, as an image file's do; others are scaled as the network scales bytes. */
    private static FeatureStore pixels(double[] values, int size, String where) throws HttpError {
        boolean whole = true;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v < 0 || v > 255) {
                throw HttpError.badRequest(where + ": pixel value " + i + " is " + v
                        + " but pixel values go from 0 to 255 (the model scales them itself).");
            }
            whole &= v == Math.rint(v);
        }
        if (whole) {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) (int) values[i];
            }
            return new ByteFeatures(bytes, size);
        }
        float[] scaled = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = (float) values[i] * ByteFeatures.SCALE;
        }
        return new FloatFeatures(scaled, size);
    }

    String kind() {
        if (preprocessing instanceof Preprocessing.Image) {
            return "images";
        }
        return preprocessing instanceof Preprocessing.Text ? "text" : "table rows";
    }

    static List<String> names(List<Preprocessing.Column> columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }
}
