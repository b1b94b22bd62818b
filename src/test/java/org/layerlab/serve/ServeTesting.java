package org.layerlab.serve;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.Lstm;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.testing.TinyData;

/** Small trained models and an HTTP client that only talks to 127.0.0.1, for the serve tests. */
final class ServeTesting {
    /** Keeps every number's exact decimal text, so that answers can be compared digit for digit. */
    static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private ServeTesting() {}

    /** 127.0.0.1 itself (not whatever "localhost" resolves to). */
    static InetAddress loopback() {
        return address(127, 0, 0, 1);
    }

    static InetAddress address(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        try {
            return InetAddress.getByAddress(raw);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static TrainedModel tableModel() {
        return train(
                TinyData.blobs(40, 1, 1f),
                LayerStack.of(TensorShape.of(2), new Dense(8), Activation.RELU, new Dense(2)));
    }

    static TrainedModel imageModel() {
        return train(
                TinyData.halves(40, 1),
                LayerStack.of(
                        TensorShape.of(1, 8, 8),
                        new Conv2D(4, 3),
                        Activation.RELU,
                        new MaxPool2D(2),
                        new Flatten(),
                        new Dense(2)));
    }

    static TrainedModel textModel() {
        return train(
                TinyData.tokens(40, 1),
                LayerStack.of(TensorShape.of(6), new Embedding(20, 4), new Lstm(5, false), new Dense(2)));
    }

    private static TrainedModel train(Dataset data, LayerStack stack) {
        return new DjlTrainingEngine()
                .train(
                        data,
                        stack,
                        TrainingConfig.DEFAULT.withEpochs(2).withBatchSize(8),
                        TrainingObserver.NONE,
                        new TrainingControl())
                .model();
    }

    static ModelService start(String name, TrainedModel model) throws IOException {
        return ModelService.start(ServedModel.of(name, model), ServeOptions.DEFAULT.withPort(0));
    }

    static URI uri(ModelService service, String path) {
        URI uri = service.address().resolve(path.substring(1));
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalStateException("tests only talk to 127.0.0.1, not " + uri);
        }
        return uri;
    }

    static HttpResponse<String> get(ModelService service, String path) {
        return send(HttpRequest.newBuilder(uri(service, path)).GET());
    }

    static HttpResponse<String> post(ModelService service, String path, String json) {
        return send(HttpRequest.newBuilder(uri(service, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> post(ModelService service, String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(service, path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return EXACT.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return EXACT.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
