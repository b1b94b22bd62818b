package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.cli.CliTest.assertOneLineError;
import static org.layerlab.cli.CliTest.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.testing.TestImages;
import picocli.CommandLine;

/** serve from the command line: what it prints, that it answers what predict --format json prints, and Ctrl-C. */
class ServeCommandTest {
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Pattern ADDRESS = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/);");

    private static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

    @TempDir
    Path folder;

    private String torchThreads;

    /** serve sets PyTorch's thread count for the process; other tests in this JVM must not inherit it. */
    @BeforeEach
    void rememberTorchThreads() {
        torchThreads = System.getProperty(TORCH_THREADS);
    }

    @AfterEach
    void restoreTorchThreads() {
        if (torchThreads == null) {
            System.clearProperty(TORCH_THREADS);
        } else {
            System.setProperty(TORCH_THREADS, torchThreads);
        }
    }

    /** Everything written, and a way to wait until some text has been. */
    private static final class Output extends Writer {
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
            notifyAll();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        synchronized String awaitText(String needle, Duration limit) throws InterruptedException {
            long deadline = System.currentTimeMillis() + limit.toMillis();
            for (long left = limit.toMillis();
                    !text.toString().contains(needle) && left > 0;
                    left = deadline - System.currentTimeMillis()) {
                wait(left);
            }
            assertTrue(text.toString().contains(needle), "waited for '" + needle + "' in:\n" + text);
            return text.toString();
        }

        @Override
        public synchronized String toString() {
            return text.toString();
        }
    }

    private static JsonNode json(String text) throws IOException {
        return EXACT.readTree(text);
    }

    private static HttpResponse<String> post(URI uri, String contentType, byte[] body) throws Exception {
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalStateException("tests only talk to 127.0.0.1");
        }
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void servesWhatPredictPrintsAndStopsCleanlyOnCtrlC() throws Exception {
        Path data = folder.resolve("colours");
        for (int i = 0; i < 6; i++) {
            TestImages.write(data.resolve("red/" + i + ".png"), Color.RED, 8);
            TestImages.write(data.resolve("blue/" + i + ".png"), Color.BLUE, 8);
        }
        Path run = EvaluatePredictCliTest.train(
                folder,
                data.toString(),
                "{\"format\":\"layerlab-stack\",\"version\":1,\"layers\":[{\"type\":\"flatten\"},"
                        + "{\"type\":\"dense\",\"units\":2}]}");
        Path picture = folder.resolve("purple.png");
        TestImages.write(picture, new Color(120, 30, 160), 12);
        CliTest.Run predict =
                run("predict", "--model", run.toString(), "--input", picture.toString(), "--format", "json");
        assertEquals(0, predict.status(), predict.err());
        JsonNode predicted = json(predict.out().strip());

        ServeCommand command = new ServeCommand();
        Output out = new Output();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> serving = background.submit(
                    () -> cli.execute("--model", run.resolve("model").toString(), "--port", "0"));
            String banner = out.awaitText("--data-binary @image.png", Duration.ofSeconds(60));
            Matcher address = ADDRESS.matcher(banner);
            assertTrue(address.find(), banner);
            assertTrue(banner.contains("Serving run-colours (images 3×8×8, 2 classes)"), banner);
            assertTrue(
                    banner.contains("curl -s " + address.group(1)
                            + "v1/predict -H 'Content-Type: image/png' --data-binary @image.png"),
                    banner);

            HttpResponse<String> served =
                    post(URI.create(address.group(1) + "v1/predict"), "image/png", Files.readAllBytes(picture));
            assertEquals(200, served.statusCode(), served.body());
            JsonNode answer = json(served.body()).get("predictions").get(0);
            assertEquals(predicted.get("label"), answer.get("label"));
            // Every probability with the same digits as predict --format json writes, in the same class order.
            assertEquals(names(predicted.get("probabilities")), names(answer.get("probabilities")));
            assertEquals(predicted.get("probabilities"), answer.get("probabilities"));
            // ...and written with the very same characters (Float.toString), not only the same values.
            Matcher number = Pattern.compile("\"([^\"]+)\": ([-0-9.E]+)")
                    .matcher(predict.out().substring(predict.out().indexOf("\"probabilities\"")));
            int numbers = 0;
            while (number.find()) {
                String written = "\"" + number.group(1) + "\":" + number.group(2);
                assertTrue(served.body().contains(written), written + " in " + served.body());
                numbers++;
            }
            assertEquals(2, numbers);

            command.stopRequested.countDown(); // what Ctrl-C's shutdown hook does
            assertEquals(0, serving.get(30, TimeUnit.SECONDS));
            assertTrue(out.toString().contains("Stopped after 1 requests (0 errors, 1 predictions)."), out.toString());
        } finally {
            command.stopRequested.countDown();
            background.shutdownNow();
        }
    }

    @Test
    void aPortInUseOrABadOptionIsOneLine() throws Exception {
        Path model = folder.resolve("no-model");
        Files.createDirectories(model);
        assertOneLineError(run("serve", "--model", model.toString()), "holds no model.json");

        Path data = folder.resolve("colours");
        for (int i = 0; i < 4; i++) {
            TestImages.write(data.resolve("red/" + i + ".png"), Color.RED, 4);
            TestImages.write(data.resolve("blue/" + i + ".png"), Color.BLUE, 4);
        }
        Path run = EvaluatePredictCliTest.train(
                folder,
                data.toString(),
                "{\"format\":\"layerlab-stack\",\"version\":1,\"layers\":[{\"type\":\"flatten\"},"
                        + "{\"type\":\"dense\",\"units\":2}]}");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
            String port = Integer.toString(taken.getLocalPort());
            assertOneLineError(
                    run("serve", "--model", run.toString(), "--port", port), "127.0.0.1:" + port + " cannot be used");
        }
        assertOneLineError(
                run("serve", "--model", run.toString(), "--max-body", "12X"), "--max-body 12X is not a size");
        assertOneLineError(run("serve", "--model", run.toString(), "--threads", "0"), "at least 1 thread");
        assertOneLineError(run("serve", "--model", run.toString(), "--name", "a/b"), "--name a/b cannot be used");
        assertOneLineError(run("serve", "--model", run.toString(), "--model-threads", "0"), "--model-threads");
    }
}
