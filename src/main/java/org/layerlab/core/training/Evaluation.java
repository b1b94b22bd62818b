package org.layerlab.core.training;

import java.util.List;

/** How a model does on a set of samples; {@code predictions} are in the order of the samples. */
public record Evaluation(double loss, ConfusionMatrix confusion, List<Prediction> predictions) {

    public double accuracy() {
        return confusion.accuracy();
    }
}
