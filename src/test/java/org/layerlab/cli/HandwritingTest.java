package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.cli.CliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.layerlab.core.training.TrainedModel;
import org.layerlab.data.DataLoadException;
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
                                + "cropped to the ink, scaled to fit 20×20 and centred by mass in 28×28"),
                folder.err());
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
                accuracy.put(kind, serviceAccuracy(service, kind));
            }
            System.out.println("service, " + COUNT + " MNIST test digits: " + accuracy);
            double plain = accuracy.get(Kind.PLAIN);
            assertTrue(plain >= 90, "plain " + plain);
            assertTrue(accuracy.get(Kind.INVERTED) >= plain - 10, accuracy.toString());
            assertTrue(accuracy.get(Kind.PHOTO) >= plain - 10, accuracy.toString());
        }
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

    private static double serviceAccuracy(ModelService service, Kind kind) throws Exception {
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
            right += answer.path("predictions").get(0).path("label").asText().equals(Integer.toString(digit.label()))
                    ? 1
                    : 0;
        }
        return 100.0 * right / digits.size();
    }
}
