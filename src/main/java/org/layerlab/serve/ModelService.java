package org.layerlab.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A trained model answering HTTP on one address: LayerLab's v1 API, the Open Inference Protocol (v2),
 * /health and /metrics. Start it with {@link #start}, read {@link #stats} while it runs (from any thread),
 * and {@link #stop} it: stop lets the requests being answered finish (up to a few seconds), then frees the
 * port and ends every thread it started, after which the model is no longer used and may be closed.
 *
 * <p>Request threads (a fixed pool of {@code threads}) read and check requests and write answers; one
 * model thread runs the network for them in turn (see {@link Batcher}).
 */
public final class ModelService implements AutoCloseable {
    /** How long {@link #stop} waits for requests being answered before it closes their connections. */
    static final long GRACE_MILLIS = 5_000;

    private static final String THREAD_PREFIX = "layerlab-serve-";
    /**
     * The JDK's server writes an answer's headers and body in two writes; with Nagle's algorithm on, the body
     * then waits for the client's delayed ACK: 40 ms per request on a kept-alive connection (measured with
     * bench-serve: 44 ms → 2.8 ms at p50 with one client).
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    /**
     * Seconds a client may take to send a whole request (headers and body); a slower one is disconnected,
     * so that clients that stall cannot hold all the request threads. The model's own time does not count.
     */
    static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";

    // The JDK's server reads both once, when it is first used; a value given with -D is kept.
    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        if (System.getProperty(MAX_REQUEST_SECONDS) == null) {
            System.setProperty(MAX_REQUEST_SECONDS, "30");
        }
    }

    private static final AtomicInteger SERVICES = new AtomicInteger();

    private final ServedModel model;
    private final String threadPrefix;
    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final Batcher batcher;
    private final ServiceMetrics metrics;
    private final String token;
    private final InetSocketAddress bound;
    private final Object idle = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    private ModelService(ServedModel model, ServeOptions options) throws IOException {
        this.model = model;
        this.metrics = new ServiceMetrics();
        InetAddress host = InetAddress.getByName(options.host());
        this.token = tokenFor(host, options.token());
        this.threadPrefix = THREAD_PREFIX + SERVICES.incrementAndGet() + "-";
        this.server = HttpServer.create(new InetSocketAddress(host, options.port()), 0);
        this.bound = server.getAddress();
        this.batcher = new Batcher(model.predictor(), options.maxBatch(), metrics, threadPrefix + "model");
        this.requestThreads = Executors.newFixedThreadPool(options.threads(), threads(threadPrefix + "request-"));
        InputParser parser =
                new InputParser(model.info().preprocessing(), model.info().inputShape(), options.prepareImages());
        ParseGate gate = ParseGate.forThisMachine();
        Routes routes = new Routes(
                model.name(),
                new PredictHandler(model, parser, batcher, gate),
                new InferenceV2Handler(model, parser, batcher, gate),
                metrics);
        server.createContext(
                "/", new Router(routes, metrics, token, options.maxBodyBytes(), () -> stopping, this::requestDone));
        server.setExecutor(requestThreads);
    }

    /**
     * Starts serving {@code model}. Binding to an address other than loopback (127.0.0.1, ::1) makes the
     * service reachable from the network: it then requires a bearer token, {@code options.token()} or one
     * made up here (see {@link #token}); a token given is required on loopback too.
     *
     * @throws IOException when the address cannot be bound (the port is taken, the host is not this machine's)
     */
    public static ModelService start(ServedModel model, ServeOptions options) throws IOException {
        ModelService service = new ModelService(model, options);
        try {
            service.server.start();
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
        return service;
    }

    /** The token requests must carry: the one given, else one made up when the host is not loopback. */
    static String tokenFor(InetAddress host, String given) {
        if (given != null) {
            return given;
        }
        if (host.isLoopbackAddress()) {
            return null;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The base URL, such as {@code http://127.0.0.1:8080/}. */
    public URI address() {
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort() + "/");
    }

    public int port() {
        return bound.getPort();
    }

    public String modelName() {
        return model.name();
    }

    /** The bearer token every request needs, or empty when none is needed (loopback without --token). */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** True when the service listens on an address other machines can reach. */
    public boolean reachableFromNetwork() {
        return !bound.getAddress().isLoopbackAddress();
    }

    /** A curl command for POST /v1/predict that can be pasted into a shell as it is. */
    public String curlExample() {
        return CurlExample.of(address().toString(), token, model.info());
    }

    public ServiceStats stats() {
        return metrics.stats();
    }

    public boolean running() {
        return stopped.getCount() > 0 && !stopping;
    }

    /**
     * Stops serving: new requests get 503, those being answered may finish for up to {@link #GRACE_MILLIS},
     * then the port is freed and the threads end. Returns when all of that is done; calling it again
     * (from any thread) waits for the same.
     */
    public void stop() {
        synchronized (this) {
            if (stopping) {
                awaitStopped();
                return;
            }
            stopping = true;
        }
        boolean interrupted = false;
        try {
            awaitIdle(System.currentTimeMillis() + GRACE_MILLIS);
        } catch (InterruptedException e) {
            interrupted = true; // still free the port and end the threads, then say so
        }
        try {
            server.stop(0);
            requestThreads.shutdownNow();
            interrupted |= !awaitTermination(requestThreads);
            interrupted |= batcher.close();
        } finally {
            stopped.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the request threads to end; false when this thread was interrupted meanwhile. */
    private static boolean awaitTermination(ExecutorService threads) {
        try {
            threads.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Blocks until the service has stopped (after {@link #stop}, from any thread). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitIdle(long deadline) throws InterruptedException {
        synchronized (idle) {
            for (long left = deadline - System.currentTimeMillis();
                    metrics.inFlight() > 0 && left > 0;
                    left = deadline - System.currentTimeMillis()) {
                idle.wait(left);
            }
        }
    }

    private void requestDone() {
        if (stopping && metrics.inFlight() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** The start of the names of this service's own threads. */
    String threadPrefix() {
        return threadPrefix;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
