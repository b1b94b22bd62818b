package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.cli.CliTest.assertOneLineError;
import static org.layerlab.cli.CliTest.run;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.cli.CliTest.Run;
import org.layerlab.core.training.Prediction;
import org.layerlab.testing.TestImages;

/** evaluate on held-out data and predict's JSON Lines, on small generated images, tables, sentences and IDX. */
class EvaluatePredictCliTest {
    private static final String LONG_CLASS = "greenish-yellow-tint";
    private static final String DENSE =
            "{\"format\":\"layerlab-stack\",\"version\":1,\"layers\":[{\"type\":\"flatten\"},"
                    + "{\"type\":\"dense\",\"units\":3}]}";
    private static final Pattern JSON_LINE =
            Pattern.compile("\\{\"input\": \"((?:[^\"\\\\]|\\\\.)*)\", \"label\": \"([^\"]*)\", "
                    + "\"probabilities\": \\{(.*)\\}(, \"expected\": \"([^\"]*)\")?\\}");
    private static final Pattern PROBABILITY = Pattern.compile("\"([^\"]*)\": ([-0-9.E]+)");

    @TempDir
    static Path shared;

    @TempDir
    Path folder;

    /** A model trained on 3 colour classes of 8×8 images (blue, greenish-yellow-tint, red; 10 images each). */
    static Path colourModel;

    static Path colourData;

    @BeforeAll
    static void trainColourModel() throws IOException {
        colourData = shared.resolve("colours");
        for (int i = 0; i < 10; i++) {
            TestImages.write(colourData.resolve("red/" + i + ".png"), Color.RED, 8);
            TestImages.write(colourData.resolve("blue/" + i + ".png"), Color.BLUE, 8);
            TestImages.write(colourData.resolve(LONG_CLASS + "/" + i + ".png"), Color.YELLOW, 8);
        }
        colourModel = train(shared, colourData.toString(), DENSE);
    }

    static Path train(Path where, String data, String stackJson) throws IOException {
        String name = Path.of(data).getFileName().toString();
        Path stack = where.resolve("stack-" + name + ".json");
        Files.writeString(stack, stackJson);
        Path out = where.resolve("run-" + name);
        Run train = run(
                "train",
                "--data",
                data,
                "--stack",
                stack.toString(),
                "--epochs",
                "30",
                "--batch-size",
                "8",
                "--lr",
                "0.05",
                "--out",
                out.toString());
        assertEquals(0, train.status(), train.out() + train.err());
        return out;
    }

    record JsonLine(String input, String label, List<String> classes, List<Float> probabilities, String expected) {}

    /** Parses predict's JSON Lines strictly: the exact shape, every class in order, probabilities summing to 1. */
    static List<JsonLine> jsonLines(Run predict, List<String> modelClasses) {
        assertEquals(0, predict.status(), predict.err());
        List<JsonLine> parsed = new ArrayList<>();
        for (String line : predict.out().lines().toList()) {
            Matcher m = JSON_LINE.matcher(line);
            assertTrue(m.matches(), "JSON Lines shape: " + line);
            List<String> classes = new ArrayList<>();
            List<Float> probabilities = new ArrayList<>();
            Matcher p = PROBABILITY.matcher(m.group(3));
            while (p.find()) {
                classes.add(p.group(1));
                probabilities.add(Float.parseFloat(p.group(2)));
            }
            assertEquals(modelClasses, classes, "every class, in the model's order: " + line);
            assertEquals(
                    1.0, probabilities.stream().mapToDouble(Float::doubleValue).sum(), 1e-4, line);
            int best = probabilities.indexOf(
                    probabilities.stream().max(Float::compare).orElseThrow());
            assertEquals(classes.get(best), m.group(2), "label is the likeliest class: " + line);
            parsed.add(new JsonLine(m.group(1), m.group(2), classes, probabilities, m.group(5)));
        }
        return parsed;
    }

    @Test
    void heldOutFolderIsMeasuredOnEverySampleMappedByClassName() throws Exception {
        Path heldOut = folder.resolve("held-out");
        for (int i = 0; i < 7; i++) {
            TestImages.write(heldOut.resolve("blue/" + i + ".png"), Color.BLUE, 12);
        }
        for (int i = 0; i < 8; i++) {
            TestImages.write(heldOut.resolve("red/" + i + ".png"), Color.RED, 12);
        }
        Run evaluate = run("evaluate", "--model", colourModel.toString(), "--data", heldOut.toString());
        assertEquals(0, evaluate.status(), evaluate.err());
        assertTrue(evaluate.out().startsWith("Measured on all 15 samples of held-out."), evaluate.out());
        assertTrue(evaluate.out().contains("Test samples: 15\n"), evaluate.out());
        // held-out has no yellow class: its red (index 1 there) is the model's red (index 2).
        assertTrue(evaluate.out().contains("Accuracy: 1.0000"), evaluate.out());
        assertTrue(evaluate.out().contains(LONG_CLASS + "     0.000     0.000     0.000         0"), evaluate.out());
    }

    @Test
    void trainingDataIsMeasuredOnTheModelsOwnTestRows() {
        Run evaluate = run("evaluate", "--model", colourModel.toString(), "--data", colourData.toString());
        assertEquals(0, evaluate.status(), evaluate.err());
        assertTrue(
                evaluate.out().startsWith("Measured on the 6 test samples of colours (the model's own split)."),
                evaluate.out());
        assertTrue(evaluate.out().contains("Test samples: 6\n"), evaluate.out());
    }

    @Test
    void longClassNamesArePrintedWhole() {
        Run evaluate = run("evaluate", "--model", colourModel.toString(), "--data", colourData.toString());
        assertEquals(0, evaluate.status(), evaluate.err());
        List<String> lines = evaluate.out().lines().toList();
        int header = lines.indexOf("Confusion matrix (rows: actual, columns: predicted)");
        assertTrue(header > 0, evaluate.out());
        String columns = lines.get(header + 1);
        assertEquals(List.of("blue", LONG_CLASS, "red"), List.of(columns.trim().split(" +")), columns);
        assertTrue(lines.get(header + 3).startsWith(LONG_CLASS + " "), "row names whole: " + evaluate.out());
        assertTrue(lines.get(header - 3).startsWith(LONG_CLASS + " "), "the per-class table: " + evaluate.out());
    }

    @Test
    void testFractionIsRefusedWithTheReason() {
        assertOneLineError(
                run(
                        "evaluate",
                        "--model",
                        colourModel.toString(),
                        "--data",
                        colourData.toString(),
                        "--test-fraction",
                        "7"),
                "evaluate does not take --test-fraction (given 7): on the data a model was trained on it measures the "
                        + "test samples of the model's own split");
        assertOneLineError(
                run(
                        "evaluate",
                        "--model",
                        colourModel.toString(),
                        "--data",
                        colourData.toString(),
                        "--test-fraction",
                        "0.3"),
                "(given 0.3)");
    }

    @Test
    void otherImageSizeIsRefusedRatherThanIgnored() {
        assertOneLineError(
                run(
                        "evaluate",
                        "--model",
                        colourModel.toString(),
                        "--data",
                        colourData.toString(),
                        "--image-size",
                        "16"),
                "the model reads 8×8 colour images and evaluate reads DATA that way; leave out --image-size");
    }

    @Test
    void predictJsonOnAFolderOfImagesInFileNameOrder() throws Exception {
        Path mine = folder.resolve("mine");
        TestImages.write(mine.resolve("b.png"), Color.BLUE, 20);
        TestImages.write(mine.resolve("a.png"), Color.RED, 20);
        TestImages.write(mine.resolve("c10.png"), Color.YELLOW, 20);
        TestImages.write(mine.resolve("c2.png"), Color.RED, 20);
        Files.writeString(mine.resolve("notes.txt"), "not an image, passed over");
        List<JsonLine> lines = jsonLines(
                run("predict", "--model", colourModel.toString(), "--input", mine.toString(), "--format", "json"),
                List.of("blue", LONG_CLASS, "red"));
        assertEquals(
                List.of("a.png", "b.png", "c10.png", "c2.png"),
                lines.stream().map(JsonLine::input).toList());
        assertEquals(
                List.of("red", "blue", LONG_CLASS, "red"),
                lines.stream().map(JsonLine::label).toList());
        assertTrue(lines.stream().allMatch(l -> l.expected() == null), "a plain folder says no class");
    }

    @Test
    void predictJsonOnAFolderOfClassFoldersAddsTheExpectedClass() throws Exception {
        Path labelled = folder.resolve("labelled");
        TestImages.write(labelled.resolve("red/x.png"), Color.RED, 8);
        TestImages.write(labelled.resolve("blue/x.png"), Color.BLUE, 8);
        TestImages.write(labelled.resolve("blue/y.png"), Color.BLUE, 8);
        Run predict =
                run("predict", "--model", colourModel.toString(), "--input", labelled.toString(), "--format", "json");
        List<JsonLine> lines = jsonLines(predict, List.of("blue", LONG_CLASS, "red"));
        assertEquals(
                List.of("blue/x.png", "blue/y.png", "red/x.png"),
                lines.stream().map(JsonLine::input).toList());
        assertEquals(
                List.of("blue", "blue", "red"),
                lines.stream().map(JsonLine::expected).toList());
        assertTrue(
                predict.out()
                        .lines()
                        .allMatch(l -> l.endsWith(", \"expected\": \""
                                + l.substring(l.indexOf("\"label\": \"") + 10, l.indexOf("\", \"probabilities\""))
                                + "\"}")),
                predict.out());
    }

    @Test
    void jsonLineHasAnExactShapeWithFullFloatPrecision() {
        Prediction prediction = new Prediction(1, new float[] {0.1f, 0.70000005f, 0.19999999f, 1.0E-7f});
        assertEquals(
                "{\"input\": \"line \\\"2\\\"\\\\\", \"label\": \"b\", \"probabilities\": {\"a\": 0.1, \"b\": 0.70000005, "
                        + "\"c\": 0.19999999, \"d\u00e9\": 1.0E-7}, \"expected\": \"c\"}",
                PredictionJson.line("line \"2\"\\", prediction, List.of("a", "b", "c", "d\u00e9"), "c"));
        assertEquals(
                "{\"input\": \"tab\\there\\u0001\", \"label\": \"b\", \"probabilities\": {\"a\": 0.25, \"b\": null}}",
                PredictionJson.line(
                        "tab\there\u0001", new Prediction(1, new float[] {0.25f, Float.NaN}), List.of("a", "b"), null));
    }

    @Test
    void notAnImageDamagedModelAndUnknownFormatEndInOneLine() throws Exception {
        Path broken = folder.resolve("broken.png");
        Files.writeString(broken, "this is text, not a PNG");
        assertOneLineError(
                run("predict", "--model", colourModel.toString(), "--input", broken.toString()),
                "broken.png: is not an image LayerLab can read (PNG, JPEG, GIF or BMP)");
        Path text = folder.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertOneLineError(
                run("predict", "--model", colourModel.toString(), "--input", text.toString()),
                "notes.txt: is not an image LayerLab can read");

        Path damaged = folder.resolve("damaged");
        Files.createDirectories(damaged);
        for (String name : List.of("model.json", "stack.json", "layerlab-0000.params")) {
            Files.copy(colourModel.resolve("model").resolve(name), damaged.resolve(name));
        }
        byte[] weights = Files.readAllBytes(damaged.resolve("layerlab-0000.params"));
        Files.write(damaged.resolve("layerlab-0000.params"), java.util.Arrays.copyOf(weights, weights.length / 2));
        Run predict = run("predict", "--model", damaged.toString(), "--input", broken.toString());
        assertOneLineError(
                predict,
                "damaged: the weights cannot be loaded (the weights file is damaged or cut short); train the model "
                        + "again.");
        assertOneLineError(
                run("evaluate", "--model", damaged.toString(), "--data", colourData.toString()),
                "damaged: the weights cannot be loaded");

        Files.writeString(damaged.resolve("model.json"), "{\"format\": \"layerlab-model\", ");
        assertOneLineError(
                run("evaluate", "--model", damaged.toString(), "--data", colourData.toString()),
                "model.json: is not valid JSON");

        Run usage = run("predict", "--model", colourModel.toString(), "--input", broken.toString(), "--format", "xml");
        assertEquals(2, usage.status());
        assertTrue(usage.err().contains("'xml' is not an output format; use text or json"), usage.err());
    }

    @Test
    void tableRowsPredictAsJsonAndAnEmptyCellIsNamed() throws Exception {
        StringBuilder csv = new StringBuilder("x,h,side\n");
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 40; i++) {
            boolean right = i % 2 == 1;
            csv.append(String.format(
                    java.util.Locale.ROOT,
                    "%.3f,%.3f,%s%n",
                    (right ? 5 : -5) + random.nextGaussian(),
                    random.nextGaussian(),
                    right ? "right" : "left"));
        }
        Path data = folder.resolve("sides.csv");
        Files.writeString(data, csv);
        Path model = train(folder, data.toString(), DENSE.replace("\"units\":3", "\"units\":2"));

        Path rows = folder.resolve("rows.csv");
        Files.writeString(rows, "h,x\n0.1,4.8\n-0.3,-5.2\n0,6\n");
        List<JsonLine> lines = jsonLines(
                run("predict", "--model", model.toString(), "--input", rows.toString(), "--format", "json"),
                List.of("left", "right"));
        assertEquals(
                List.of("line 2", "line 3", "line 4"),
                lines.stream().map(JsonLine::input).toList());
        assertEquals(
                List.of("right", "left", "right"),
                lines.stream().map(JsonLine::label).toList());

        Path gap = folder.resolve("gap.csv");
        Files.writeString(gap, "x,h\n1,2\n3,\n");
        assertOneLineError(
                run("predict", "--model", model.toString(), "--input", gap.toString(), "--format", "json"),
                "gap.csv line 3, column 'h': has no value; fill it in, remove the line or let it be filled as in "
                        + "training (--fill-missing).");
        Run filled = run("predict", "--model", model.toString(), "--input", gap.toString(), "--fill-missing");
        assertEquals(0, filled.status(), filled.err());
        assertEquals(2, filled.out().lines().count(), filled.out());
        assertEquals(
                List.of("Filled 1 empty cell of gap.csv as training did: numbers with the training mean, text with no "
                        + "category."),
                filled.err().lines().toList());

        Path picture = folder.resolve("a.png");
        TestImages.write(picture, Color.RED, 8);
        assertOneLineError(
                run("predict", "--model", model.toString(), "--input", picture.toString()),
                "a.png: is not text; this model reads table rows (CSV); give a CSV with the columns x, h.");

        Path heldOut = folder.resolve("more-sides.csv");
        Files.writeString(heldOut, "side,h,x\nright,0.2,5.1\nright,-0.4,4.2\nright,1,6\n");
        Run evaluate = run("evaluate", "--model", model.toString(), "--data", heldOut.toString());
        assertEquals(0, evaluate.status(), evaluate.err());
        assertTrue(evaluate.out().startsWith("Measured on all 3 samples of more-sides.csv."), evaluate.out());
        assertTrue(
                evaluate.out().contains("Accuracy: 1.0000"), "prepared with the model's statistics: " + evaluate.out());
    }

    @Test
    void convertedImagesAreReportedOnceOnTheErrorStream() throws Exception {
        Path mixed = folder.resolve("mixed");
        java.awt.image.BufferedImage grey =
                new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        Files.createDirectories(mixed);
        for (int i = 0; i < 2; i++) {
            javax.imageio.ImageIO.write(
                    grey, "png", mixed.resolve("grey" + i + ".png").toFile());
        }
        TestImages.write(mixed.resolve("big.png"), Color.RED, 30);
        Run predict =
                run("predict", "--model", colourModel.toString(), "--input", mixed.toString(), "--format", "json");
        assertEquals(0, predict.status(), predict.err());
        assertEquals(3, predict.out().lines().count(), "JSON lines only on the output: " + predict.out());
        assertEquals(
                List.of(
                        "2 grey images converted to colour, as the model was trained on colour images.",
                        "1 image resized to 8×8, as the model was trained on 8×8 images."),
                predict.err().lines().toList());
    }

    @Test
    void sentencesPredictAsJsonOneObjectPerLine() throws Exception {
        StringBuilder tsv = new StringBuilder("label\ttext\n");
        for (int i = 0; i < 60; i++) {
            tsv.append(i % 2 == 0 ? "good\ta wonderful lovely film\n" : "bad\ta dull boring mess\n");
        }
        Path data = folder.resolve("reviews.tsv");
        Files.writeString(data, tsv);
        Path model = train(
                folder,
                data.toString(),
                "{\"format\":\"layerlab-stack\",\"version\":1,\"layers\":[{\"type\":\"embedding\","
                        + "\"vocabulary\":20,\"dimension\":8},{\"type\":\"gru\",\"units\":8},"
                        + "{\"type\":\"dense\",\"units\":2}]}");
        Path lines = folder.resolve("mine.txt");
        Files.writeString(lines, "What a \"lovely\" film\n\nso boring\n");
        Run predict = run("predict", "--model", model.toString(), "--input", lines.toString(), "--format", "json");
        assertTrue(
                predict.out().startsWith("{\"input\": \"What a \\\"lovely\\\" film\", \"label\": \"good\", "),
                predict.out());
        List<JsonLine> parsed = jsonLines(
                run("predict", "--model", model.toString(), "--input", lines.toString(), "--format", "JSON"),
                List.of("bad", "good"));
        assertEquals(2, parsed.size());
        assertEquals("so boring", parsed.get(1).input());
        assertEquals("bad", parsed.get(1).label());
    }

    @Test
    void classesTxtNamesAppearInEvaluateAndPredict() throws Exception {
        Path idx = folder.resolve("shapes");
        Files.createDirectories(idx);
        int count = 30;
        byte[] pixels = new byte[count * 16];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 2);
            for (int p = 0; p < 16; p++) {
                boolean bright = labels[i] == 0 ? p % 4 < 2 : p < 8;
                pixels[i * 16 + p] = (byte) (bright ? 230 : 20);
            }
        }
        Files.write(idx.resolve("train-images-idx3-ubyte"), idx(0x803, new int[] {count, 4, 4}, pixels));
        Files.write(idx.resolve("train-labels-idx1-ubyte"), idx(0x801, new int[] {count}, labels));
        Files.writeString(idx.resolve("classes.txt"), "left half\ntop half\n");
        Path model = train(folder, idx.toString(), DENSE.replace("\"units\":3", "\"units\":2"));

        Run evaluate = run("evaluate", "--model", model.toString(), "--data", idx.toString());
        assertEquals(0, evaluate.status(), evaluate.err());
        assertTrue(evaluate.out().contains("\nleft half "), evaluate.out());
        assertTrue(evaluate.out().contains("\ntop half "), evaluate.out());

        Path image = folder.resolve("top.png");
        java.awt.image.BufferedImage top =
                new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < 8; p++) {
            top.setRGB(p % 4, p / 4, Color.WHITE.getRGB());
        }
        javax.imageio.ImageIO.write(top, "png", image.toFile());
        List<JsonLine> lines = jsonLines(
                run("predict", "--model", model.toString(), "--input", image.toString(), "--format", "json"),
                List.of("left half", "top half"));
        assertEquals("top half", lines.get(0).label());

        Files.writeString(idx.resolve("classes.txt"), "left half\ntop half\nbottom half\n");
        assertOneLineError(
                run("evaluate", "--model", model.toString(), "--data", idx.toString()),
                "classes.txt: has 3 class names but the labels are 0 to 1 (2 classes)");
    }

    private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }
}
