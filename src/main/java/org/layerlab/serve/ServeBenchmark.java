package org.layerlab.serve;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.layerlab.core.data.FeatureStore;

/**
 * Measures a running service from clients on the same machine (127.0.0.1 only), and the same model called
 * in-process, so that the service's own cost shows. Every measurement stops after a number of requests or
 * a time limit, whichever comes first, after a warm-up that is not counted. Two kinds of client: the JDK's
 * {@link HttpClient} (what a Java program would use), and a plain socket that writes each request in one
 * write and reads the answer by its Content-Length (close to the service's own cost; a client's own
 * overhead is the difference between the two).
 */
public final class ServeBenchmark {
    /** Requests before each measurement, so that the JIT has compiled the paths measured. */
    private static final int WARM_UP = 300;

    /** Which client sends the requests. */
    public enum ClientKind {
        JDK,
        SOCKET
    }

    /** What one measurement found; latencies in milliseconds, per request as a client sees it. */
    public record Figures(
            String what,
            int clients,
            int inputsPerRequest,
            int requests,
            int failures,
            double seconds,
            double p50Millis,
            double p99Millis,
            double meanBatch) {
        public double perSecond() {
            return requests / seconds;
        }

        public double inputsPerSecond() {
            return perSecond() * inputsPerRequest;
        }
    }

    /** One client's connection: sends request number {@code i} and returns the answer's status. */
    @FunctionalInterface
    private interface Connection extends AutoCloseable {
        int send(int i) throws IOException, InterruptedException;

        @Override
        default void close() throws IOException {}
    }

    private ServeBenchmark() {}

    /** Calls the predictor directly, on this thread, as the service's model thread does; inputs in turn. */
    public static Figures inProcess(
            String what, ServedModel.Predictor predictor, List<FeatureStore> inputs, int requests, Duration limit) {
        for (int i = 0; i < WARM_UP; i++) {
            predictor.predict(inputs.get(i % inputs.size()));
        }
        long[] nanos = new long[requests];
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        int done = 0;
        while (done < requests && System.nanoTime() < deadline) {
            long t = System.nanoTime();
            predictor.predict(inputs.get(done % inputs.size()));
            nanos[done++] = System.nanoTime() - t;
        }
        int size = inputs.get(0).count();
        return figures(what, 1, size, nanos, done, 0, System.nanoTime() - start, size);
    }

    /**
     * Sends requests to {@code path} from {@code clients} threads, each waiting for its answer before it sends
     * the next: POSTs of the bodies in turn, or GETs when there are none. Refuses any address but 127.0.0.1.
     */
    public static Figures overHttp(
            ModelService service,
            ClientKind kind,
            String path,
            String what,
            List<byte[]> bodies,
            String contentType,
            int clients,
            int requests,
            Duration limit)
            throws InterruptedException {
        URI uri = service.address().resolve(path);
        if (service.reachableFromNetwork() || !"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("the benchmark only sends requests to 127.0.0.1, not " + uri);
        }
        String token = service.token().orElse(null);
        HttpClient shared = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Opener opener = kind == ClientKind.JDK
                ? () -> jdk(shared, uri, token, bodies, contentType)
                : () -> socket(uri, token, bodies, contentType);
        AtomicInteger failures = new AtomicInteger();
        run(
                opener,
                clients,
                new AtomicInteger(WARM_UP),
                System.nanoTime() + limit.toNanos(),
                new long[WARM_UP],
                failures);
        failures.set(0);
        ServiceStats before = service.stats();
        long[] nanos = new long[requests];
        long start = System.nanoTime();
        int done = run(opener, clients, new AtomicInteger(requests), start + limit.toNanos(), nanos, failures);
        long elapsed = System.nanoTime() - start;
        ServiceStats after = service.stats();
        long passes = after.forwardPasses() - before.forwardPasses();
        double meanBatch = passes == 0 ? 0 : (double) (after.samplesPredicted() - before.samplesPredicted()) / passes;
        return figures(what, clients, 1, nanos, done, failures.get(), elapsed, meanBatch);
    }

    @FunctionalInterface
    private interface Opener {
        Connection open() throws IOException;
    }

    private static int run(
            Opener opener, int clients, AtomicInteger left, long deadline, long[] nanos, AtomicInteger failures)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(
                    () -> {
                        try (Connection connection = opener.open()) {
                            while (left.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                                int i = next.getAndIncrement();
                                long t = System.nanoTime();
                                if (connection.send(i) != 200) {
                                    failures.incrementAndGet();
                                }
                                nanos[i] = System.nanoTime() - t;
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "layerlab-bench-client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return Math.min(next.get(), nanos.length);
    }

    private static Connection jdk(HttpClient client, URI uri, String token, List<byte[]> bodies, String type) {
        return i -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            if (bodies.isEmpty()) {
                request.GET();
            } else {
                request.header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size())));
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                    .statusCode();
        };
    }

    private static Connection socket(URI uri, String token, List<byte[]> bodies, String type) throws IOException {
        String auth = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
        List<byte[]> requests = new ArrayList<>();
        for (byte[] body : bodies.isEmpty() ? List.of(new byte[0]) : bodies) {
            String head = bodies.isEmpty()
                    ? "GET " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "\r\n"
                    : "POST " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Content-Type: " + type
                            + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] whole = Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, whole, headBytes.length, body.length);
            requests.add(whole);
        }
        return new SocketConnection(uri.getPort(), requests);
    }

    /** A kept-alive connection that writes each request whole and reads the answer by its Content-Length. */
    private static final class SocketConnection implements Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final List<byte[]> requests;

        SocketConnection(int port, List<byte[]> requests) throws IOException {
            this.socket = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream());
            this.requests = requests;
        }

        @Override
        public int send(int i) throws IOException {
            out.write(requests.get(i % requests.size()));
            out.flush();
            String status = line(in);
            int length = 0;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
            }
            if (in.readNBytes(length).length != length || status.length() < 12) {
                throw new IOException("the connection ended in the middle of an answer");
            }
            return Integer.parseInt(status.substring(9, 12));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the service closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static Figures figures(
            String what,
            int clients,
            int inputsPerRequest,
            long[] nanos,
            int done,
            int failures,
            long elapsedNanos,
            double meanBatch) {
        long[] sorted = Arrays.copyOf(nanos, done);
        Arrays.sort(sorted);
        return new Figures(
                what,
                clients,
                inputsPerRequest,
                done,
                failures,
                elapsedNanos / 1e9,
                ServiceMetrics.quantile(sorted, 0.5) / 1e6,
                ServiceMetrics.quantile(sorted, 0.99) / 1e6,
                meanBatch);
    }
}
