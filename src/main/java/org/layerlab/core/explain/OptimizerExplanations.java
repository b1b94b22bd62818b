package org.layerlab.core.explain;

import static org.layerlab.core.explain.Explanation.setting;

import java.util.List;
import org.layerlab.core.training.OptimizerKind;

/**
 * The optimizers' update rules as the engine applies them to every weight w after each batch, with η the
 * learning rate and ∇L the gradient of the batch's loss.
 */
final class OptimizerExplanations {
    private static final Explanation.Setting LEARNING_RATE = setting(
            "learning rate",
            "η, the size of each step. Too large and the loss jumps or diverges; too " + "small and training crawls.");

    private OptimizerExplanations() {}

    static Explanation of(OptimizerKind optimizer) {
        return switch (optimizer) {
            case SGD ->
                new Explanation(
                        "SGD (stochastic gradient descent)",
                        "After each batch, every weight takes a step downhill: against its gradient, η times as "
                                + "far. The gradient is measured on one batch only, so each step is a noisy "
                                + "(stochastic) estimate of the true direction.",
                        "w \\leftarrow w - \\eta\\, \\nabla L",
                        List.of(LEARNING_RATE),
                        "Learning rate 0.01.");
            case MOMENTUM ->
                new Explanation(
                        "SGD with momentum",
                        "Like SGD, but the step v remembers a share α of the previous step, like a ball rolling "
                                + "downhill. Steps that agree add up and zig-zags cancel out, so it moves faster "
                                + "along long, gentle valleys.",
                        "\\begin{array}{l} v \\leftarrow \\alpha\\, v - \\eta\\, \\nabla L \\\\ "
                                + "w \\leftarrow w + v \\end{array}",
                        List.of(
                                LEARNING_RATE,
                                setting("momentum", "α, the share of the previous step kept; 0 is plain SGD.")),
                        "Learning rate 0.01 and momentum 0.9.");
            case ADAGRAD ->
                new Explanation(
                        "AdaGrad",
                        "Gives every weight its own step size: h adds up the squares of all its gradients so far, "
                                + "and the step is divided by √h. Weights that have had large gradients move less, "
                                + "rare ones more. Since h only grows, the steps keep shrinking.",
                        "\\begin{array}{l} h \\leftarrow h + \\nabla L \\odot \\nabla L \\\\ "
                                + "w \\leftarrow w - \\eta\\, \\frac{\\nabla L}{\\sqrt{h} + \\epsilon} \\end{array}",
                        List.of(LEARNING_RATE, setting("epsilon", "ε = 10⁻¹⁰ keeps the division safe while h is 0.")),
                        "Learning rate 0.01.");
            case RMSPROP ->
                new Explanation(
                        "RMSprop",
                        "Like AdaGrad, but h is a moving average of the squared gradients that forgets old ones, "
                                + "at the rate set by the decay ρ. So the steps adapt to each weight without shrinking "
                                + "forever.",
                        "\\begin{array}{l} h \\leftarrow \\rho\\, h + (1 - \\rho)\\, \\nabla L \\odot \\nabla L \\\\ "
                                + "w \\leftarrow w - \\eta\\, \\frac{\\nabla L}{\\sqrt{h} + \\epsilon} \\end{array}",
                        List.of(
                                LEARNING_RATE,
                                setting(
                                        "rho",
                                        "ρ, the decay: how much of the old average is kept each step; closer to 1 "
                                                + "remembers longer.")),
                        "Learning rate 0.001, rho 0.9.");
            case ADAM ->
                new Explanation(
                        "Adam",
                        "Combines momentum (m, an average of the gradients) with RMSprop (v, an average of their "
                                + "squares). Both start at 0, so in the first steps they are too small; dividing by "
                                + "1 − β^t, with t the step number, corrects that bias.",
                        "\\begin{array}{l} m \\leftarrow \\beta_1 m + (1 - \\beta_1)\\, \\nabla L \\\\ "
                                + "v \\leftarrow \\beta_2 v + (1 - \\beta_2)\\, \\nabla L \\odot \\nabla L \\\\ "
                                + "\\hat{m} = \\frac{m}{1 - \\beta_1^{\\,t}}, \\quad "
                                + "\\hat{v} = \\frac{v}{1 - \\beta_2^{\\,t}} \\\\ "
                                + "w \\leftarrow w - \\eta\\, \\frac{\\hat{m}}{\\sqrt{\\hat{v}} + \\epsilon} "
                                + "\\end{array}",
                        List.of(
                                LEARNING_RATE,
                                setting("beta 1", "β₁, how long the average gradient m remembers."),
                                setting("beta 2", "β₂, how long the average squared gradient v remembers.")),
                        "Learning rate 0.001, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸: a good first choice for most "
                                + "networks.");
        };
    }
}
