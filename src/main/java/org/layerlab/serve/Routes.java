package org.layerlab.serve;

/**
 * Which endpoint answers which path. The v2 paths carry the model's name; another name is a 404 that says
 * which model is here, and versions are a 404 too (this server keeps none).
 */
final class Routes implements Router.Routes {
    private static final String MODELS = "/v2/models/";

    private final String name;
    private final Router.Endpoint predict;
    private final Router.Endpoint describe;
    private final Router.Endpoint health;
    private final Router.Endpoint metrics;
    private final Router.Endpoint server;
    private final Router.Endpoint live;
    private final Router.Endpoint ready;
    private final Router.Endpoint metadata;
    private final Router.Endpoint modelReady;
    private final Router.Endpoint infer;

    Routes(String name, PredictHandler v1, InferenceV2Handler v2, ServiceMetrics counters) {
        this.name = name;
        predict = new Router.Endpoint("/v1/predict", "POST", true, v1::predict);
        describe = new Router.Endpoint("/v1/model", "GET", false, v1::describe);
        health = new Router.Endpoint("/health", "GET", false, PredictHandler::health);
        metrics = new Router.Endpoint(
                "/metrics",
                "GET",
                false,
                request -> Reply.text("text/plain; version=0.0.4; charset=utf-8", counters.prometheus()));
        server = new Router.Endpoint("/v2", "GET", false, InferenceV2Handler::server);
        live = new Router.Endpoint("/v2/health/live", "GET", false, request -> Reply.ok());
        ready = new Router.Endpoint("/v2/health/ready", "GET", false, request -> Reply.ok());
        metadata = new Router.Endpoint("/v2/models/{name}", "GET", false, v2::metadata);
        modelReady = new Router.Endpoint("/v2/models/{name}/ready", "GET", false, request -> Reply.ok());
        infer = new Router.Endpoint("/v2/models/{name}/infer", "POST", true, v2::infer);
    }

    @Override
    public Router.Endpoint find(String path) {
        return switch (path) {
            case "/v1/predict" -> predict;
            case "/v1/model" -> describe;
            case "/health" -> health;
            case "/metrics" -> metrics;
            case "/v2" -> server;
            case "/v2/health/live" -> live;
            case "/v2/health/ready" -> ready;
            default -> path.startsWith(MODELS) ? model(path.substring(MODELS.length())) : null;
        };
    }

    private Router.Endpoint model(String rest) {
        int slash = rest.indexOf('/');
        String asked = slash < 0 ? rest : rest.substring(0, slash);
        String after = slash < 0 ? "" : rest.substring(slash);
        if (!asked.equals(name)) {
            return Router.Endpoint.missing(
                    "/v2/models/{name}", "no model '" + asked + "' here; this service serves '" + name + "'.");
        }
        if (after.startsWith("/versions/")) {
            return Router.Endpoint.missing(
                    "/v2/models/{name}/versions",
                    "this service keeps no model versions; use /v2/models/" + name + " without /versions/.");
        }
        return switch (after) {
            case "" -> metadata;
            case "/ready" -> modelReady;
            case "/infer" -> infer;
            default -> null;
        };
    }
}
