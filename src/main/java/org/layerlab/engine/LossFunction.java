package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;
import org.layerlab.core.training.LossKind;

/**
 * The three losses on raw network outputs (logits), (N, K) in row-major order, against class labels, with
 * the matching accuracy and probabilities. K = 1 is allowed for two classes with BCE and MSE.
 *
 * <p>The loss and its gradient with respect to the logits are computed here, in Java, rather than as tensor
 * operations: for a batch of 128 × 10 logits that is a few microseconds, where the same loss as PyTorch
 * operations cost about ten native calls forward and as many backward, plus the read-backs of the loss and
 * the correct count. Training then backpropagates from the logits, seeded with that gradient.
 */
final class LossFunction {
    private final LossKind kind;
    private final int outputs;

    /** A batch's summed loss (see {@link #meanScale(long)}) and how many of its predictions were right. */
    record Score(double sum, int correct) {}

    LossFunction(LossKind kind, int outputs) {
        this.kind = kind;
        this.outputs = outputs;
    }

    /**
     * Scores {@code rows} rows of logits against their labels. With a {@code gradient} buffer of the logits'
     * shape, also writes into it d(loss sum × {@code gradientScale})/d(logits).
     */
    Score score(FloatBuffer logits, int[] labels, int rows, FloatBuffer gradient, float gradientScale) {
        double sum = 0;
        int correct = 0;
        double[] exps = new double[outputs];
        for (int r = 0; r < rows; r++) {
            int base = r * outputs;
            int label = labels[r];
            sum += kind == LossKind.SOFTMAX_CROSS_ENTROPY
                    ? crossEntropy(logits, base, label, exps, gradient, gradientScale)
                    : perOutput(logits, base, label, gradient, gradientScale);
            if (predicted(logits, base) == label) {
                correct++;
            }
        }
        return new Score(sum, correct);
    }

    /**
     * −log softmax(x)[label], computed as log Σ e^(x − max) + max − x[label] so that no e^x overflows; its
     * gradient is softmax(x) − onehot(label). {@code exps} is scratch space for one row.
     */
    private double crossEntropy(FloatBuffer x, int base, int label, double[] exps, FloatBuffer gradient, float scale) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < outputs; k++) {
            max = Math.max(max, x.get(base + k));
        }
        double expSum = 0;
        for (int k = 0; k < outputs; k++) {
            exps[k] = Math.exp(x.get(base + k) - max);
            expSum += exps[k];
        }
        if (gradient != null) {
            for (int k = 0; k < outputs; k++) {
                gradient.put(base + k, (float) ((exps[k] / expSum - (k == label ? 1 : 0)) * scale));
            }
        }
        return max + Math.log(expSum) - x.get(base + label);
    }

    /**
     * BCE with logits, log(1 + e^x) − x·t written so that large |x| neither overflows nor loses precision,
     * or the squared error (x − t)², each summed over the outputs; t is the label (one output) or one-hot.
     */
    private double perOutput(FloatBuffer x, int base, int label, FloatBuffer gradient, float scale) {
        double sum = 0;
        for (int k = 0; k < outputs; k++) {
            double v = x.get(base + k);
            double t = outputs == 1 ? label : (k == label ? 1 : 0);
            double d;
            if (kind == LossKind.BINARY_CROSS_ENTROPY) {
                sum += Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))) - v * t;
                d = 1 / (1 + Math.exp(-v)) - t;
            } else {
                sum += (v - t) * (v - t);
                d = 2 * (v - t);
            }
            if (gradient != null) {
                gradient.put(base + k, (float) (d * scale));
            }
        }
        return sum;
    }

    /** The predicted class: the largest output (the first of equals), or for one output its threshold. */
    private int predicted(FloatBuffer x, int base) {
        if (outputs == 1) {
            float threshold = kind == LossKind.MEAN_SQUARED_ERROR ? 0.5f : 0f;
            return x.get(base) > threshold ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < outputs; k++) {
            if (x.get(base + k) > x.get(base + best)) {
                best = k;
            }
        }
        return best;
    }

    /**
     * What turns a {@link Score#sum()} over {@code rows} samples into the mean loss: cross-entropy averages
     * over samples, the others over every output of every sample.
     */
    float meanScale(long rows) {
        return kind == LossKind.SOFTMAX_CROSS_ENTROPY ? 1f / rows : 1f / (rows * outputs);
    }

    /** Probabilities per class, (N, classes), each row summing to 1. */
    NDArray probabilities(NDArray logits) {
        if (kind == LossKind.SOFTMAX_CROSS_ENTROPY) {
            return logits.softmax(1);
        }
        NDArray scores = kind == LossKind.BINARY_CROSS_ENTROPY ? TorchCalls.sigmoid(logits) : logits.clip(0f, 1f);
        if (outputs == 1) {
            return scores.neg().add(1f).concat(scores, 1);
        }
        return scores.div(scores.sum(new int[] {1}, true).add(1e-7f));
    }
}
