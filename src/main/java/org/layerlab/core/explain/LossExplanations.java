package org.layerlab.core.explain;

import java.util.List;
import org.layerlab.core.training.LossKind;

/**
 * The losses, as the engine computes them: on the last layer's raw scores z of N samples with K outputs each,
 * averaged over the batch.
 */
final class LossExplanations {

    private LossExplanations() {}

    static Explanation of(LossKind loss) {
        return switch (loss) {
            case SOFTMAX_CROSS_ENTROPY ->
                new Explanation(
                        "Softmax cross-entropy",
                        "For picking one class out of several. The loss turns the last layer's raw scores z into "
                                + "probabilities with softmax, then charges minus the logarithm of the probability "
                                + "given to the true class y: near 0 when the network is sure and right, large when "
                                + "it is sure and wrong.",
                        "p_k = \\frac{e^{z_k}}{\\sum_{j} e^{z_j}}, \\qquad "
                                + "L = -\\frac{1}{N} \\sum_{n=1}^{N} \\log p_{n,\\, y_n}",
                        List.of(),
                        "The usual loss for classification: the last layer has one output per class and no "
                                + "Softmax (the loss applies it).");
            case BINARY_CROSS_ENTROPY ->
                new Explanation(
                        "Binary cross-entropy",
                        "Treats every output as its own yes-or-no question: a sigmoid turns each score into a "
                                + "probability, which is compared with a target t of 1 for the true class and 0 for "
                                + "the others. With two classes one output is enough: it is the probability of the "
                                + "second class.",
                        "L = -\\frac{1}{NK} \\sum_{n=1}^{N} \\sum_{k=1}^{K} \\left[ t_{nk} \\log \\sigma(z_{nk}) "
                                + "+ (1 - t_{nk}) \\log (1 - \\sigma(z_{nk})) \\right]",
                        List.of(),
                        "Two classes with a single output; for more classes softmax cross-entropy usually learns "
                                + "better.");
            case MEAN_SQUARED_ERROR ->
                new Explanation(
                        "Mean squared error",
                        "The average squared distance between the raw outputs z and the targets t (1 for the true "
                                + "class, 0 for the others; with one output, the class number). It is the loss of "
                                + "regression; for classification it usually learns more slowly than cross-entropy.",
                        "L = \\frac{1}{NK} \\sum_{n=1}^{N} \\sum_{k=1}^{K} (z_{nk} - t_{nk})^2",
                        List.of(),
                        "To compare with cross-entropy; classification usually trains better with cross-entropy.");
        };
    }
}
