package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;

/**
 * Applies one optimizer step to a share of every trainable parameter and clears that share's gradient, in
 * Java, over the tensors' own memory (see {@link TorchCalls#memoryOf}): per parameter, one copy of the
 * weights and gradients into arrays, one loop that the JIT vectorises, one copy back. DJL's fused native
 * Adam made 11 passes over the weights with 5 temporary tensors, and AdaGrad and RMSprop had no kernel at
 * all; for the MNIST MLP this is about a tenth of that kernel's time. A share is a range of a parameter's
 * elements: two training workers each update half of every parameter at the same time. Must run after the
 * first backward pass (which creates the gradients), never during one.
 *
 * <p>Adam is PyTorch's: w ← w − η·m̂/(√v̂ + ε) with m̂ = m/(1−β1^t), v̂ = v/(1−β2^t), computed as
 * w ← w − s·m/(√v + ε') with s = η·√(1−β2^t)/(1−β1^t) and ε' = ε·√(1−β2^t), which is the same in real
 * arithmetic and saves two divisions per element.
 */
final class ParameterUpdater implements AutoCloseable {
    private final OptimizerSettings settings;
    private final List<Share> shares = new ArrayList<>();
    private final List<NDArray> gradients = new ArrayList<>();
    /** Scratch copies of one share's weights and gradients, and zeros to clear a gradient with. */
    private final float[] w;

    private final float[] g;
    private final float[] zeros;
    private int step;

    /**
     * Elements [from, to) of one parameter: its weights and gradient in native memory, and the optimizer's
     * state (velocity, or first and second moments) for them.
     */
    private record Share(FloatBuffer weight, FloatBuffer grad, int from, int to, float[] first, float[] second) {
        int size() {
            return to - from;
        }
    }

    /**
     * Share {@code part} of {@code parts} of each weight: elements [n·part/parts, n·(part+1)/parts) of its n.
     * With one part, the whole weights. Sets that share's gradients to zero.
     */
    ParameterUpdater(OptimizerSettings settings, List<NDArray> weights, int part, int parts) {
        this.settings = settings;
        boolean secondMoment = settings.kind() == OptimizerKind.ADAM;
        int largest = 0;
        for (NDArray weight : weights) {
            NDArray grad = TorchCalls.gradient(weight);
            gradients.add(grad);
            long n = weight.size();
            int from = Math.toIntExact(n * part / parts);
            int to = Math.toIntExact(n * (part + 1) / parts);
            if (from == to) {
                continue; // fewer elements than workers: the other workers update this one
            }
            int size = to - from;
            largest = Math.max(largest, size);
            shares.add(new Share(
                    TorchCalls.memoryOf(weight).asFloatBuffer(),
                    TorchCalls.memoryOf(grad).asFloatBuffer(),
                    from,
                    to,
                    new float[size],
                    secondMoment ? new float[size] : null));
        }
        w = new float[largest];
        g = new float[largest];
        zeros = new float[largest];
        shares.forEach(s -> s.grad.put(s.from, zeros, 0, s.size())); // e.g. what a warm-up pass left there
    }

    /** Updates this share of the weights from the gradients, then sets those gradients to zero. */
    void step() {
        step++;
        for (Share s : shares) {
            int n = s.size();
            s.weight.get(s.from, w, 0, n);
            s.grad.get(s.from, g, 0, n);
            switch (settings.kind()) {
                case SGD -> sgd(n);
                case MOMENTUM -> momentum(n, s.first);
                case ADAGRAD -> adaGrad(n, s.first);
                case RMSPROP -> rmsProp(n, s.first);
                case ADAM -> adam(n, s.first, s.second);
            }
            s.weight.put(s.from, w, 0, n);
            s.grad.put(s.from, zeros, 0, n);
        }
    }

    private void sgd(int n) {
        float lr = (float) settings.learningRate();
        for (int i = 0; i < n; i++) {
            w[i] -= lr * g[i];
        }
    }

    /** v ← αv + ηg; w ← w − v. */
    private void momentum(int n, float[] v) {
        float lr = (float) settings.learningRate();
        float alpha = (float) settings.momentum();
        for (int i = 0; i < n; i++) {
            v[i] = alpha * v[i] + lr * g[i];
            w[i] -= v[i];
        }
    }

    /** h ← h + g²; w ← w − ηg/(√h + ε). */
    private void adaGrad(int n, float[] h) {
        float lr = (float) settings.learningRate();
        float eps = (float) settings.epsilon();
        for (int i = 0; i < n; i++) {
            h[i] += g[i] * g[i];
            w[i] -= lr * g[i] / ((float) Math.sqrt(h[i]) + eps);
        }
    }

    /** h ← ρh + (1−ρ)g²; w ← w − ηg/(√h + ε). */
    private void rmsProp(int n, float[] h) {
        float lr = (float) settings.learningRate();
        float eps = (float) settings.epsilon();
        float rho = (float) settings.rho();
        float rest = 1f - rho;
        for (int i = 0; i < n; i++) {
            h[i] = rho * h[i] + rest * g[i] * g[i];
            w[i] -= lr * g[i] / ((float) Math.sqrt(h[i]) + eps);
        }
    }

    /** m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; w ← w − s·m/(√v + ε'), see the class comment. */
    private void adam(int n, float[] m, float[] v) {
        double b1 = settings.beta1();
        double b2 = settings.beta2();
        double root = Math.sqrt(1 - Math.pow(b2, step));
        float stepSize = (float) (settings.learningRate() * root / (1 - Math.pow(b1, step)));
        float eps = (float) (settings.epsilon() * root);
        float beta1 = (float) b1;
        float beta2 = (float) b2;
        float rest1 = 1f - beta1;
        float rest2 = 1f - beta2;
        for (int i = 0; i < n; i++) {
            m[i] = beta1 * m[i] + rest1 * g[i];
            v[i] = beta2 * v[i] + rest2 * g[i] * g[i];
            w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) + eps);
        }
    }

    /** Releases the gradient handles; the parameters' tensors and gradients live on. */
    @Override
    public void close() {
        gradients.forEach(NDArray::close);
    }
}
