package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;

/**
 * Applies one optimizer step to a share of every trainable parameter and clears that share's gradient, with
 * one fused native call per parameter (DJL's SGD and Adam kernels, see {@link TorchCalls}). A share is a
 * range of a parameter's first axis: two training workers each update half of every parameter at the same
 * time. Must run with autograd off, after the first backward pass (which creates the gradients).
 *
 * <p>DJL has no AdaGrad or RMSprop for PyTorch; both are the Adam kernel with other constants, exactly (in
 * real arithmetic; in float32 they agree to rounding):
 *
 * <ul>
 *   <li>RMSprop, h ← ρh + (1−ρ)g², w ← w − ηg/(√h + ε): Adam with β1 = 0 (so m = g), β2 = ρ, step η.
 *   <li>AdaGrad, h ← h + g², w ← w − ηg/(√h + ε): with β1 = 0 and β2 = 1 − 1/t at step t, Adam's v is the
 *       running mean of g², v = h/t. Then ηg/(√h + ε) = (η/√t)·g/(√v + ε/√t): step η/√t, ε/√t.
 * </ul>
 */
final class ParameterUpdater implements AutoCloseable {
    private final OptimizerSettings settings;
    private final List<Share> shares = new ArrayList<>();
    private int step;

    /**
     * The value, gradient and optimizer state of one parameter's share, all of its shape; {@code weight} is
     * the parameter itself or a view of it ({@code view}), which this updater then owns.
     */
    private record Share(NDArray weight, boolean view, NDArray grad, NDArray first, NDArray second) {}

    /**
     * Share {@code part} of {@code parts} of each weight: rows [n·part/parts, n·(part+1)/parts) of its first
     * axis n. With one part, the whole weights.
     */
    ParameterUpdater(OptimizerSettings settings, List<NDArray> weights, int part, int parts) {
        this.settings = settings;
        boolean secondMoment = settings.kind() != OptimizerKind.SGD && settings.kind() != OptimizerKind.MOMENTUM;
        for (NDArray weight : weights) {
            NDArray grad = TorchCalls.gradient(weight);
            NDArray value = weight;
            if (parts > 1) {
                long rows = weight.getShape().get(0);
                long from = rows * part / parts;
                long to = rows * (part + 1) / parts;
                if (from == to) {
                    continue; // fewer rows than workers: the other workers update this one
                }
                NDIndex range = new NDIndex().addSliceDim(from, to);
                value = weight.get(range); // a view: updating it updates the weight
                grad = grad.get(range);
            }
            shares.add(new Share(value, parts > 1, grad, value.zerosLike(), secondMoment ? value.zerosLike() : null));
        }
    }

    /** Updates this share of the weights from the gradients, then sets those gradients to zero. */
    void step() {
        step++;
        float lr = (float) settings.learningRate();
        float eps = (float) settings.epsilon();
        for (Share s : shares) {
            switch (settings.kind()) {
                case SGD -> TorchCalls.sgdKernel(s.weight, s.grad, s.first, lr, 0f);
                case MOMENTUM -> TorchCalls.sgdKernel(s.weight, s.grad, s.first, lr, (float) settings.momentum());
                case ADAM -> {
                    double b1 = settings.beta1();
                    double b2 = settings.beta2();
                    // PyTorch's Adam, w ← w − η·m̂/(√v̂ + ε) with m̂ = m/(1−β1^t), v̂ = v/(1−β2^t), is the kernel's
                    // w ← w − step·m/(√v + ε') with step = η·√(1−β2^t)/(1−β1^t) and ε' = ε·√(1−β2^t).
                    double root = Math.sqrt(1 - Math.pow(b2, step));
                    TorchCalls.adamKernel(
                            s.weight,
                            s.grad,
                            s.first,
                            s.second,
                            (float) (lr * root / (1 - Math.pow(b1, step))),
                            (float) b1,
                            (float) b2,
                            (float) (eps * root));
                }
                case RMSPROP ->
                    TorchCalls.adamKernel(s.weight, s.grad, s.first, s.second, lr, 0f, (float) settings.rho(), eps);
                case ADAGRAD -> {
                    float root = (float) Math.sqrt(step);
                    TorchCalls.adamKernel(
                            s.weight, s.grad, s.first, s.second, lr / root, 0f, 1f - 1f / step, eps / root);
                }
            }
            clear(s.grad);
        }
    }

    /** Sets this share's gradients to zero without updating, e.g. after a warm-up pass. */
    void clearGradients() {
        shares.forEach(s -> clear(s.grad));
    }

    /**
     * In place, on the gradient itself or a view of it. Multiplying by 0 keeps a NaN a NaN, which is fine:
     * a NaN gradient has already made the weights NaN, and the next batch's loss stops the run.
     */
    private static void clear(NDArray grad) {
        grad.muli(0f);
    }

    @Override
    public void close() {
        for (Share s : shares) {
            if (s.view) {
                s.weight.close(); // only the view: the parameter's tensor lives on
            }
            s.grad.close();
            s.first.close();
            if (s.second != null) {
                s.second.close();
            }
        }
    }
}
