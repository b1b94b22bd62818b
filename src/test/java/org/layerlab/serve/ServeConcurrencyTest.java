package org.layerlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.serve.ServeTesting.get;
import static org.layerlab.serve.ServeTesting.json;
import static org.layerlab.serve.ServeTesting.post;
import static org.layerlab.serve.ServeTesting.uri;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layerlab.core.training.TrainedModel;

/**
 * Many clients at once (8 threads × 50 requests, good and bad mixed) get exactly the answer a single
 * request gets; /metrics counts them; a stalled client holds up no one; stop lets the request in flight
 * finish, then frees the port and ends the service's threads.
 */
class ServeConcurrencyTest {
    private static final int CLIENTS = 8;
    private static final int REQUESTS = 50;
    private static final int PICTURES = 5;

    private static TrainedModel image;

    @BeforeAll
    static void train() {
        image = ServeTesting.imageModel();
    }

    @AfterAll
    static void close() {
        image.close();
    }

    private static String body(int picture) {
        return "{\"inputs\": [[" + ServeTest.nested(ServeTest.pixels(100 + picture)) + "]]}";
    }

    /** Each picture's answer when it is the only request, and checked against the model called directly. */
    private static List<String> singleAnswers(ModelService service) {
        List<String> answers = new ArrayList<>();
        for (int p = 0; p < PICTURES; p++) {
            HttpResponse<String> response = post(service, "/v1/predict", body(p));
            assertEquals(200, response.statusCode(), response.body());
            String direct = Json.predictions(
                    image.predict(ServeTest.bytes(ServeTest.flatten(ServeTest.pixels(100 + p)))),
                    image.info().classNames());
            assertEquals(direct, response.body());
            answers.add(response.body());
        }
        return answers;
    }

    /** Runs 8 clients × 50 requests; every 7th request of a client is malformed. Returns the problems. */
    private static List<String> hammer(ModelService service, List<String> single, boolean exact) throws Exception {
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int i = 0; i < REQUESTS; i++) {
                        if (i % 7 == 3) {
                            HttpResponse<String> bad = post(service, "/v1/predict", "{\"inputs\": [[1, 2, 3]");
                            if (bad.statusCode() != 400) {
                                problems.add(
                                        "client " + client + " request " + i + ": bad request got " + bad.statusCode());
                            }
                            continue;
                        }
                        int picture = (client + i) % PICTURES;
                        HttpResponse<String> response = post(service, "/v1/predict", body(picture));
                        String expected = single.get(picture);
                        boolean same =
                                exact ? expected.equals(response.body()) : close(json(expected), json(response.body()));
                        if (response.statusCode() != 200 || !same) {
                            problems.add("client " + client + " request " + i + ": " + response.statusCode() + " "
                                    + response.body() + " instead of " + expected);
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        return new ArrayList<>(problems);
    }

    /** The same label, and probabilities within 1e-5: batching may change the last bits (measured: up to 7e-7). */
    private static boolean close(JsonNode expected, JsonNode actual) {
        JsonNode a = expected.get("predictions").get(0);
        JsonNode b = actual.get("predictions").get(0);
        if (!a.get("label").equals(b.get("label"))) {
            return false;
        }
        Iterator<JsonNode> x = a.get("probabilities").elements();
        Iterator<JsonNode> y = b.get("probabilities").elements();
        while (x.hasNext()) {
            if (Math.abs(x.next().asDouble() - y.next().asDouble()) > 1e-5) {
                return false;
            }
        }
        return true;
    }

    private static long metric(String text, String line) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(line) + " (\\S+)$").matcher(text);
        assertTrue(m.find(), line + " in\n" + text);
        return (long) Double.parseDouble(m.group(1));
    }

    @Test
    void eightClientsAtOnceGetExactlyTheSingleRequestAnswerAndMetricsCountThem() throws Exception {
        try (ModelService service = ServeTesting.start("halves", image)) {
            List<String> single = singleAnswers(service);

            assertEquals(List.of(), hammer(service, single, true));

            int bad = CLIENTS
                    * (int) java.util.stream.IntStream.range(0, REQUESTS)
                            .filter(i -> i % 7 == 3)
                            .count();
            int good = CLIENTS * REQUESTS - bad + PICTURES;
            String metrics = get(service, "/metrics").body();
            assertEquals(good, metric(metrics, "layerlab_http_requests_total{endpoint=\"/v1/predict\",code=\"200\"}"));
            assertEquals(bad, metric(metrics, "layerlab_http_requests_total{endpoint=\"/v1/predict\",code=\"400\"}"));
            assertEquals(bad, metric(metrics, "layerlab_http_errors_total"));
            assertEquals(good + bad, metric(metrics, "layerlab_prediction_duration_seconds_count"));
            assertEquals(good, metric(metrics, "layerlab_samples_predicted_total"));
            assertTrue(metrics.contains("layerlab_prediction_duration_seconds{quantile=\"0.99\"} "), metrics);
            assertTrue(metrics.contains("# TYPE layerlab_prediction_duration_seconds summary"), metrics);
            ServiceStats stats = service.stats();
            assertEquals(good + bad, stats.predictionRequests());
            // Without TCP_NODELAY every answer on a kept-alive connection waits 40 ms for a delayed ACK.
            assertEquals("true", System.getProperty(ModelService.NO_DELAY));
            assertEquals(1.0, stats.meanBatch()); // batching is off: one request, one forward pass
            assertTrue(stats.p50Millis() > 0 && stats.p99Millis() >= stats.p50Millis(), stats.toString());
        }
    }

    @Test
    void withBatchingOnAnswersAgreeWithinTheLastBits() throws Exception {
        ServeOptions batching = ServeOptions.DEFAULT.withPort(0).withMaxBatch(16);
        try (ModelService service = ModelService.start(ServedModel.of("halves", image), batching)) {
            List<String> single = singleAnswers(service);

            assertEquals(List.of(), hammer(service, single, false));
            assertTrue(service.stats().meanBatch() >= 1.0);
        }
    }

    @Test
    void aStalledClientHoldsUpNoOne() throws IOException {
        try (ModelService service = ServeTesting.start("halves", image);
                Socket stalled = new Socket(ServeTesting.loopback(), service.port())) {
            OutputStream out = stalled.getOutputStream();
            out.write(("POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 1000\r\n\r\n{\"inputs\": [")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            for (int p = 0; p < 3; p++) {
                assertEquals(200, post(service, "/v1/predict", body(p)).statusCode());
            }
            assertEquals(200, get(service, "/health").statusCode());
        }
    }

    private static List<Thread> threadsOf(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix))
                .toList();
    }

    @Test
    void stopFreesThePortAndEndsItsThreads() throws Exception {
        ModelService service = ServeTesting.start("halves", image);
        int port = service.port();
        String prefix = service.threadPrefix();
        assertEquals(200, post(service, "/v1/predict", body(0)).statusCode());
        assertFalse(threadsOf(prefix).isEmpty());

        service.stop();
        service.stop(); // a second stop is harmless

        assertFalse(service.running());
        for (Thread thread : threadsOf(prefix)) {
            thread.join(5_000);
        }
        assertEquals(
                List.of(),
                threadsOf(prefix).stream()
                        .filter(Thread::isAlive)
                        .map(Thread::getName)
                        .toList());
        assertThrows(UncheckedIOException.class, () -> get(service, "/health"));
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true); // as the JDK's own server socket does
            again.bind(new InetSocketAddress(ServeTesting.loopback(), port));
        }
        try (ModelService restarted =
                ModelService.start(ServedModel.of("halves", image), ServeOptions.DEFAULT.withPort(port))) {
            assertEquals(200, get(restarted, "/health").statusCode());
        }
    }

    @Test
    void stopLetsTheRequestInFlightFinishAndRefusesNewOnes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServedModel slow = new ServedModel("halves", image.info(), image.stack(), inputs -> {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the model");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return image.predict(inputs);
        });
        ModelService service = ModelService.start(slow, ServeOptions.DEFAULT.withPort(0));
        ExecutorService background = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> inFlight = background.submit(() -> post(service, "/v1/predict", body(0)));
            assertTrue(entered.await(30, TimeUnit.SECONDS));
            Future<?> stopping = background.submit(service::stop);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (service.running() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertFalse(service.running());

            HttpResponse<String> refused = get(service, "/health");
            assertEquals(503, refused.statusCode());
            assertFalse(stopping.isDone());

            release.countDown();
            HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, finished.statusCode(), finished.body());
            stopping.get(30, TimeUnit.SECONDS);
            assertThrows(UncheckedIOException.class, () -> get(service, "/health"));
        } finally {
            release.countDown();
            background.shutdownNow();
            service.stop();
        }
    }

    @Test
    void aModelThatIsNoLongerThereGets503() throws IOException {
        ServedModel closed = new ServedModel("halves", image.info(), image.stack(), inputs -> {
            throw new IllegalStateException("run-2 is no longer selected; select it again");
        });
        try (ModelService service = ModelService.start(closed, ServeOptions.DEFAULT.withPort(0))) {
            HttpResponse<String> response = post(service, "/v1/predict", body(0));
            assertEquals(503, response.statusCode());
            assertTrue(json(response).get("error").asText().contains("run-2 is no longer selected"));
            assertEquals(
                    200,
                    ServeTesting.send(HttpRequest.newBuilder(uri(service, "/health")))
                            .statusCode());
        }
    }
}
