package org.layerlab.core.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the samples behind a figure: those of one confusion-matrix cell, and the mistakes the model was
 * surest of. Both are sorted by the model's confidence in what it predicted, highest first.
 */
public final class Examples {

    private Examples() {}

    /** Positions of the samples of class {@code actual} that the model predicted as {@code predicted}. */
    public static List<Integer> inCell(int[] labels, List<Prediction> predictions, int actual, int predicted) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == actual && predictions.get(i).predictedClass() == predicted) {
                found.add(i);
            }
        }
        found.sort(byConfidence(predictions));
        return found;
    }

    /** Positions of at most {@code limit} wrong predictions, the most confident first. */
    public static List<Integer> confidentMistakes(int[] labels, List<Prediction> predictions, int limit) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != predictions.get(i).predictedClass()) {
                found.add(i);
            }
        }
        found.sort(byConfidence(predictions));
        return found.subList(0, Math.min(limit, found.size()));
    }

    /** The probability the model gave the class it predicted. */
    public static float confidence(Prediction prediction) {
        return prediction.probabilities()[prediction.predictedClass()];
    }

    /** The {@code count} most probable classes, most probable first. */
    public static List<Integer> topClasses(Prediction prediction, int count) {
        float[] p = prediction.probabilities();
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < p.length; c++) {
            order.add(c);
        }
        order.sort((a, b) -> Float.compare(p[b], p[a]));
        return order.subList(0, Math.min(count, order.size()));
    }

    private static Comparator<Integer> byConfidence(List<Prediction> predictions) {
        return (a, b) -> Float.compare(confidence(predictions.get(b)), confidence(predictions.get(a)));
    }
}
