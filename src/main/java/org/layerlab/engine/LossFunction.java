package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.layerlab.core.training.LossKind;

/**
 * The three losses on raw network outputs (logits) of shape (N, K) and int64 labels of shape (N), with the
 * matching accuracy and probabilities. K = 1 is allowed for two classes with BCE and MSE.
 */
final class LossFunction {
    private final LossKind kind;
    private final int outputs;

    LossFunction(LossKind kind, int outputs) {
        this.kind = kind;
        this.outputs = outputs;
    }

    /** The mean loss over the batch, as a scalar array that keeps the autograd graph. */
    NDArray loss(NDArray logits, NDArray labels) {
        return sum(logits, labels).mul(meanScale(logits.getShape().get(0)));
    }

    /**
     * The loss summed rather than averaged (one native call fewer): the mean over a batch of {@code rows}
     * samples is this sum × {@link #meanScale(long)}. Workers that share a batch each sum their rows.
     */
    NDArray sum(NDArray logits, NDArray labels) {
        return switch (kind) {
            case SOFTMAX_CROSS_ENTROPY ->
                logits.logSoftmax(1).gather(labels.reshape(-1, 1), 1).sum();
            case BINARY_CROSS_ENTROPY -> {
                // log(1 + e^x) - x·t, written so that large |x| neither overflows nor loses precision
                NDArray target = targets(labels);
                NDArray softPlus =
                        logits.maximum(0f).add(logits.abs().neg().exp().add(1f).log());
                yield softPlus.sub(logits.mul(target)).sum();
            }
            case MEAN_SQUARED_ERROR -> logits.sub(targets(labels)).square().sum();
        };
    }

    /**
     * What turns {@link #sum} over {@code rows} samples into the mean loss: cross-entropy sums the picked
     * log-probabilities (hence the minus); the others average over every output of every sample.
     */
    float meanScale(long rows) {
        return kind == LossKind.SOFTMAX_CROSS_ENTROPY ? -1f / rows : 1f / (rows * outputs);
    }

    /** 1 where the prediction is right, else 0, per sample. */
    NDArray correct(NDArray logits, NDArray labels) {
        if (outputs > 1) {
            return logits.argMax(1).eq(labels);
        }
        float threshold = kind == LossKind.MEAN_SQUARED_ERROR ? 0.5f : 0f;
        return logits.reshape(-1).gt(threshold).toType(DataType.INT64, false).eq(labels);
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

    private NDArray targets(NDArray labels) {
        if (outputs == 1) {
            return labels.toType(DataType.FLOAT32, false).reshape(-1, 1);
        }
        return labels.oneHot(outputs, DataType.FLOAT32);
    }
}
