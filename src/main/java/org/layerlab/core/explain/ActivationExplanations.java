package org.layerlab.core.explain;

import java.util.List;
import org.layerlab.core.stack.ActivationFunction;

/** The functions an Activation layer applies, as the engine computes them. */
final class ActivationExplanations {

    private ActivationExplanations() {}

    static Explanation of(ActivationFunction function) {
        return switch (function) {
            case RELU ->
                new Explanation(
                        "ReLU",
                        "Lets positive values through unchanged and turns negative ones into 0. It is cheap, and its "
                                + "slope is 1 for every positive input, so gradients pass through deep networks "
                                + "without shrinking. A neuron that only ever receives negative inputs stops "
                                + "learning (it \"dies\").",
                        "\\mathrm{ReLU}(x) = \\max(0,\\, x)",
                        List.of(),
                        "The usual choice after hidden Dense and Conv2D layers.");
            case LEAKY_RELU ->
                new Explanation(
                        "LeakyReLU",
                        "Like ReLU, but negative values are multiplied by 0.01 instead of being set to 0. The small "
                                + "slope keeps a gradient flowing, so neurons cannot die.",
                        "\\mathrm{LeakyReLU}(x) = \\max(0.01\\, x,\\; x)",
                        List.of(),
                        "Instead of ReLU when many neurons stay at 0.");
            case SIGMOID ->
                new Explanation(
                        "Sigmoid",
                        "Squashes any number into the range 0 to 1, so it reads as a probability. For large "
                                + "positive or negative x the curve is flat and its gradient almost 0, which slows "
                                + "learning in deep stacks (the vanishing gradient).",
                        "\\sigma(x) = \\frac{1}{1 + e^{-x}}, \\qquad \\sigma'(x) = \\sigma(x)\\,(1 - \\sigma(x))",
                        List.of(),
                        "Inside LSTM and GRU gates; in hidden layers ReLU usually learns faster.");
            case TANH ->
                new Explanation(
                        "Tanh",
                        "Squashes any number into the range −1 to 1, centred on 0, which often makes the next "
                                + "layer's job easier than with the sigmoid. Like the sigmoid it is flat for large "
                                + "|x|.",
                        "\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}, \\qquad \\tanh'(x) = 1 - \\tanh^2(x)",
                        List.of(),
                        "In recurrent layers and small networks; ReLU is the usual choice for deep ones.");
            case SOFTMAX ->
                new Explanation(
                        "Softmax",
                        "Turns a vector of scores into probabilities that are all positive and add up to 1; the "
                                + "largest score gets the largest probability. The softmax cross-entropy loss already "
                                + "applies it to the last layer's scores, so the network should not end with it.",
                        "\\mathrm{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_{j} e^{x_j}}",
                        List.of(),
                        "Rarely needed as a layer: the loss and the predictions apply it for you.");
        };
    }
}
