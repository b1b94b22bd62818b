package org.layerlab.cli;

import static java.awt.image.BufferedImage.TYPE_INT_RGB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.cli.CliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.cli.CliTest.Run;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.data.DataLoadException;
import org.layerlab.data.ImageFiles;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.files.ModelBundle;
import org.layerlab.serve.ModelService;
import org.layerlab.serve.ServeOptions;
import org.layerlab.serve.ServedModel;
import org.layerlab.testing.HandwrittenDigits;
import org.layerlab.testing.HandwrittenDigits.Digit;
import org.layerlab.testing.HandwrittenDigits.Kind;

/**
 * A model trained on MNIST reads 200 MNIST test digits as they are, inverted (dark ink on white) and as a
 * larger photo-like image (off-centre on a light, noisy page) about equally well, through {@code predict}
 * and through the service, because each input is prepared as the training digits were.
 */
class HandwritingTest {
    private static final int COUNT = 200;
    private static final Pattern LINE = Pattern.compile("^(\\S+): (\\S+) [0-9.]+%.*\\(expected (\\S+)\\)$");

    @TempDir
    static Path shared;

    static Path model;
    static List<Digit> digits;
    static final Map<Kind, Path> FOLDERS = new EnumMap<>(Kind.class);

    @BeforeAll
    static void trainOnMnist() throws IOException, DataLoadException {
        model = shared.resolve("mlp");
        Run train = run(
                "train",
                "--data",
                "sample:mnist",
                "--stack",
                "sample-data/stacks/mnist-mlp.json",
                "--epochs",
                "1",
                "--out",
                model.toString());
        assertEquals(0, train.status(), train.out() + train.err());
        digits = HandwrittenDigits.mnistTest(COUNT);
        for (Kind kind : Kind.values()) {
            FOLDERS.put(kind, HandwrittenDigits.write(digits, kind, shared.resolve(kind.name()), 7));
        }
    }

    @Test
    void predictReadsInvertedAndPhotoLikeDigitsAlmostAsWellAsPlainOnes() {
        double plain = predictAccuracy(Kind.PLAIN, true);
        double inverted = predictAccuracy(Kind.INVERTED, true);
        double photo = predictAccuracy(Kind.PHOTO, true);
        double plainBefore = predictAccuracy(Kind.PLAIN, false);
        double invertedBefore = predictAccuracy(Kind.INVERTED, false);
        double photoBefore = predictAccuracy(Kind.PHOTO, false);
        System.out.printf(
                Locale.ROOT,
                "predict, %d MNIST test digits: plain %.1f%% (only resized %.1f%%), inverted %.1f%% (only resized %.1f%%), photo-like %.1f%% "
                        + "(only resized %.1f%%)%n",
                COUNT,
                plain,
                plainBefore,
                inverted,
                invertedBefore,
                photo,
                photoBefore);
        assertTrue(plain >= 90, "plain " + plain);
        assertTrue(inverted >= plain - 10, "inverted " + inverted + " vs plain " + plain);
        assertTrue(photo >= plain - 10, "photo-like " + photo + " vs plain " + plain);
        assertTrue(invertedBefore < 50 && photoBefore < 50, invertedBefore + " " + photoBefore);
    }

    @Test
    void predictSaysWhatItDidOncePerFolderAndPerSingleFile() {
        Run folder = run(
                "predict",
                "--model",
                model.toString(),
                "--input",
                FOLDERS.get(Kind.PHOTO).toString());
        assertTrue(
                folder.err()
                        .contains("200 images prepared as the training digits were: 200 inverted (light background), "
                                + "200 cropped to the ink, scaled to fit 20×20 and centred by mass in 28×28."),
                folder.err());
        Run inverted = run(
                "predict",
                "--model",
                model.toString(),
                "--input",
                FOLDERS.get(Kind.INVERTED).toString());
        assertTrue(
                inverted.err()
                        .matches("200 images prepared as the training digits were: 200 inverted \\(light "
                                + "background\\), (\\d+ cropped .*, )?\\d+ already framed like them, kept\\.\\s*"),
                inverted.err());
        Path one = FOLDERS.get(Kind.PHOTO)
                .resolve(Integer.toString(digits.get(0).label()))
                .resolve("000.png");
        Run single = run("predict", "--model", model.toString(), "--input", one.toString());
        assertTrue(
                single.err()
                        .matches(
                                "(?s)000\\.png: inverted, cropped \\d+×\\d+ → \\d+×20, centred, as the training digits were made\\.\\s*"),
                single.err());
        Run off = run("predict", "--model", model.toString(), "--input", one.toString(), "--no-prepare");
        assertEquals("1 image resized to 28×28, as the model was trained on 28×28 images.\n", off.err());
    }

    @Test
    void evaluateOnAFolderOfPhotoLikeDigitsPreparesThemToo() {
        Run prepared = run(
                "evaluate",
                "--model",
                model.toString(),
                "--data",
                FOLDERS.get(Kind.PHOTO).toString());
        Run resized = run(
                "evaluate",
                "--model",
                model.toString(),
                "--data",
                FOLDERS.get(Kind.PHOTO).toString(),
                "--no-prepare");
        assertEquals(0, prepared.status(), prepared.err());
        double with = accuracy(prepared.out());
        double without = accuracy(resized.out());
        System.out.printf(Locale.ROOT, "evaluate, photo-like: %.1f%% (only resized %.1f%%)%n", with, without);
        assertTrue(with >= predictAccuracy(Kind.PLAIN, true) - 10, prepared.out());
        assertTrue(without < 50, resized.out());
        assertTrue(prepared.out().contains("200 images prepared as the training digits were"), prepared.out());
    }

    private static double accuracy(String evaluation) {
        Matcher m = Pattern.compile("Accuracy: ([0-9.]+)").matcher(evaluation);
        assertTrue(m.find(), evaluation);
        return 100 * Double.parseDouble(m.group(1));
    }

    @Test
    void theServicePreparesImageBodiesTheSameWay() throws Exception {
        try (TrainedModel trained = ModelBundle.load(model, new DjlTrainingEngine());
                ModelService service =
                        ModelService.start(ServedModel.of("mnist", trained), ServeOptions.DEFAULT.withPort(0))) {
            Map<Kind, Double> accuracy = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                accuracy.put(kind, serviceAccuracy(service, kind, true));
            }
            System.out.println("service, " + COUNT + " MNIST test digits: " + accuracy);
            double plain = accuracy.get(Kind.PLAIN);
            assertTrue(plain >= 90, "plain " + plain);
            assertTrue(accuracy.get(Kind.INVERTED) >= plain - 10, accuracy.toString());
            assertTrue(accuracy.get(Kind.PHOTO) >= plain - 10, accuracy.toString());
        }
        try (TrainedModel trained = ModelBundle.load(model, new DjlTrainingEngine());
                ModelService service = ModelService.start(
                        ServedModel.of("mnist", trained),
                        ServeOptions.DEFAULT.withPort(0).withPrepareImages(false))) {
            double resized = serviceAccuracy(service, Kind.PHOTO, false);
            System.out.println("service --no-prepare, photo-like: " + resized);
            assertTrue(resized < 50, "only resized: " + resized);
        }
    }

    /**
     * The README's before/after picture: photo-like and inverted digits as a student brings them, what the
     * model received when they were only resized, and what it receives now, with its answer under each.
     */
    @Test
    void beforeAndAfterPicture() throws Exception {
        int cell = 112;
        int text = 22;
        String[] headings = {"your image", "before: resized", "after: prepared"};
        int[] which = {0, 1, 2, 3};
        Kind[] kinds = {Kind.PHOTO, Kind.PHOTO, Kind.INVERTED, Kind.INVERTED};
        BufferedImage picture =
                new BufferedImage(3 * (cell + 32) + 16, text + which.length * (cell + text + 10) + 6, TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.DARK_GRAY);
        for (int c = 0; c < 3; c++) {
            g.drawString(headings[c], 16 + c * (cell + 32), 16);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        try (TrainedModel trained = ModelBundle.load(model, new DjlTrainingEngine())) {
            Preprocessing.Image image = (Preprocessing.Image) trained.info().preprocessing();
            Random random = new Random(11);
            for (int r = 0; r < which.length; r++) {
                Digit digit = digits.get(which[r]);
                BufferedImage brought = HandwrittenDigits.image(digit, kinds[r], random);
                int top = text + r * (cell + text + 10);
                g.drawImage(brought, 16, top, cell, cell, null);
                g.drawString(brought.getWidth() + " × " + brought.getHeight(), 16, top + cell + 16);
                for (int c = 1; c < 3; c++) {
                    byte[] pixels = new byte[28 * 28];
                    ImageFiles.prepare(brought, image, c == 2, pixels, 0);
                    BufferedImage seen = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                    seen.getRaster().setDataElements(0, 0, 28, 28, pixels);
                    int left = 16 + c * (cell + 32);
                    g.drawImage(seen, left, top, cell, cell, null);
                    int answer = trained.predict(new ByteFeatures(pixels, pixels.length))
                            .get(0)
                            .predictedClass();
                    g.setColor(answer == digit.label() ? new Color(0, 128, 0) : new Color(190, 0, 0));
                    g.drawString(
                            "reads " + answer + (answer == digit.label() ? " ✓" : " ✗ (is " + digit.label() + ")"),
                            left,
                            top + cell + 16);
                    g.setColor(Color.DARK_GRAY);
                }
            }
        }
        g.dispose();
        Path folder = Path.of(System.getProperty("layerlab.screenshots", "target/screenshots"));
        java.nio.file.Files.createDirectories(folder);
        ImageIO.write(picture, "png", folder.resolve("handwriting.png").toFile());
    }

    private static double predictAccuracy(Kind kind, boolean prepare) {
        Run predict = prepare
                ? run(
                        "predict",
                        "--model",
                        model.toString(),
                        "--input",
                        FOLDERS.get(kind).toString(),
                        "--top",
                        "1")
                : run(
                        "predict",
                        "--model",
                        model.toString(),
                        "--input",
                        FOLDERS.get(kind).toString(),
                        "--top",
                        "1",
                        "--no-prepare");
        assertEquals(0, predict.status(), predict.err());
        int right = 0;
        int lines = 0;
        for (String line : predict.out().lines().toList()) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            lines++;
            right += m.group(2).equals(m.group(3)) ? 1 : 0;
        }
        assertEquals(COUNT, lines);
        return 100.0 * right / lines;
    }

    private static double serviceAccuracy(ModelService service, Kind kind, boolean prepares) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(7);
        int right = 0;
        for (Digit digit : digits) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(HandwrittenDigits.image(digit, kind, random), "png", png);
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(service.address().resolve("v1/predict"))
                            .header("Content-Type", "image/png")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode answer = json.readTree(response.body());
            String prepared = answer.path("predictions").get(0).path("prepared").asText("");
            assertTrue(
                    (kind == Kind.PHOTO && prepares)
                            ? prepared.matches("inverted, cropped \\d+×\\d+ → \\d+×\\d+, centred")
                            : kind != Kind.PHOTO || prepared.isEmpty(),
                    response.body());
            right += answer.path("predictions").get(0).path("label").asText().equals(Integer.toString(digit.label()))
                    ? 1
                    : 0;
        }
        return 100.0 * right / digits.size();
    }
}
