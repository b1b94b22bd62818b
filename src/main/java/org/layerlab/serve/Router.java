package org.layerlab.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The service's one HTTP handler: refuses while stopping (503) and without the token when one is needed
 * (401), finds the endpoint (404) and checks the method (405), runs it, turns every refusal or failure
 * into a JSON error, and counts what it answered. A request's failure stays in that request.
 */
final class Router implements HttpHandler {
    /** One endpoint: what /metrics calls it, its method (null: any), and whether it runs the model. */
    record Endpoint(String label, String method, boolean prediction, Handler handler) {
        /** A path that looks like an endpoint's but names something that is not here (another model). */
        static Endpoint missing(String label, String message) {
            return new Endpoint(label, null, false, request -> {
                throw new HttpError(404, message);
            });
        }
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(Request request) throws HttpError, IOException;
    }

    /** Finds the endpoint for a path; null for none. */
    @FunctionalInterface
    interface Routes {
        Endpoint find(String path);
    }

    private static final List<String> PATHS = List.of(
            "POST /v1/predict",
            "GET /v1/model",
            "GET /health",
            "GET /metrics",
            "GET /v2/health/live",
            "GET /v2/health/ready",
            "GET /v2/models/NAME",
            "POST /v2/models/NAME/infer");

    private final Routes routes;
    private final ServiceMetrics metrics;
    private final byte[] token;
    private final int maxBody;
    private final BooleanSupplier stopping;
    private final Runnable onIdle;

    Router(
            Routes routes,
            ServiceMetrics metrics,
            String token,
            int maxBody,
            BooleanSupplier stopping,
            Runnable onIdle) {
        this.routes = routes;
        this.metrics = metrics;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.maxBody = maxBody;
        this.stopping = stopping;
        this.onIdle = onIdle;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        metrics.started();
        String label = "other";
        boolean prediction = false;
        Reply reply;
        try {
            Request request = new Request(exchange, maxBody);
            Endpoint endpoint = routes.find(request.path());
            if (endpoint != null) {
                label = endpoint.label();
                prediction = endpoint.prediction();
            }
            reply = answer(request, endpoint);
        } catch (RuntimeException e) {
            reply = Reply.error(500, "the service failed on this request (" + e + ").");
        }
        // Counted before the answer leaves: a client that has its answer then finds it in /metrics.
        metrics.answered(label, reply.status(), System.nanoTime() - start, prediction);
        try {
            send(exchange, reply);
        } finally {
            exchange.close();
            metrics.ended();
            onIdle.run();
        }
    }

    private Reply answer(Request request, Endpoint endpoint) {
        try {
            if (stopping.getAsBoolean()) {
                return Reply.error(503, "the service is stopping.");
            }
            if (token != null && !authorised(request.header("Authorization"))) {
                return Reply.error(
                        401,
                        "this service needs the header 'Authorization: Bearer <token>' with the token it printed "
                                + "when it started.",
                        Map.of("WWW-Authenticate", "Bearer realm=\"layerlab\""));
            }
            if (endpoint == null) {
                return Reply.error(
                        404, "no such path: " + request.path() + "; this service answers " + String.join(", ", PATHS));
            }
            if (endpoint.method() != null && !allowed(endpoint.method(), request.method())) {
                return Reply.error(
                        405,
                        request.method() + " is not allowed on " + request.path() + "; use " + endpoint.method() + ".",
                        Map.of("Allow", endpoint.method()));
            }
            return endpoint.handler().handle(request);
        } catch (HttpError e) {
            return Reply.error(e.status(), e.getMessage());
        } catch (IOException e) {
            return Reply.error(400, "the request could not be read (" + e.getMessage() + ").");
        }
    }

    /** "Bearer" in any case, then the token, compared in constant time so that timing tells nothing of it. */
    private boolean authorised(String header) {
        if (header == null) {
            return false;
        }
        String[] parts = header.strip().split("\\s+", 2);
        return parts.length == 2
                && "bearer".equalsIgnoreCase(parts[0])
                && MessageDigest.isEqual(token, parts[1].getBytes(StandardCharsets.UTF_8));
    }

    /** HEAD is GET without the body (RFC 9110); every GET endpoint answers it. */
    private static boolean allowed(String method, String asked) {
        return method.equals(asked) || ("GET".equals(method) && "HEAD".equals(asked));
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        byte[] body = "HEAD".equals(exchange.getRequestMethod()) ? new byte[0] : reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
