package org.layerlab.serve;

import java.io.IOException;
import java.util.List;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.training.Prediction;

/**
 * LayerLab's own API. POST /v1/predict takes {@code {"inputs": [...]}} (or one image file as the body) and
 * answers {@code {"predictions": [{"label": ..., "probabilities": {...}}]}} with the numbers
 * {@code predict --format json} gives; an image body prepared as the training digits were also says how
 * ({@code "prepared": "inverted, cropped 61×60 → 20×20, centred"}). GET /v1/model describes the model.
 */
final class PredictHandler {
    private final ServedModel model;
    private final InputParser parser;
    private final Batcher batcher;
    private final ParseGate gate;
    private final String description;

    PredictHandler(ServedModel model, InputParser parser, Batcher batcher, ParseGate gate) {
        this.model = model;
        this.parser = parser;
        this.batcher = batcher;
        this.gate = gate;
        this.description = ModelDescription.v1(model);
    }

    Reply predict(Request request) throws HttpError, IOException {
        String type = request.contentType();
        byte[] body = request.body();
        if (type.startsWith("image/")) {
            InputParser.ImageBody image = gate.run(() -> parser.imageBody(body, type));
            List<Prediction> predictions = batcher.answer(image.features());
            return Reply.json(Json.predictions(predictions, model.info().classNames(), image.prepared()));
        }
        FeatureStore inputs = gate.run(() -> parser.v1(Json.parse(body)));
        List<Prediction> predictions = batcher.answer(inputs);
        return Reply.json(Json.predictions(predictions, model.info().classNames()));
    }

    Reply describe(Request request) {
        return Reply.json(description);
    }

    static Reply health(Request request) {
        return Reply.json("{\"status\": \"ok\"}");
    }
}
