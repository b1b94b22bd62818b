package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;

/**
 * Applies one optimizer step to every trainable parameter and clears its gradient. Adam and SGD use the
 * PyTorch engine's fused native updates (one call per parameter); DJL has no AdaGrad or RMSprop for
 * PyTorch, so those two are written with in-place array operations. Must run with autograd off.
 */
final class ParameterUpdater implements AutoCloseable {
    /** MXNet's convention, kept by DJL's native update: a negative clip value means "do not clip". */
    private static final float NO_CLIP = -1f;

    private final OptimizerSettings settings;
    private final List<NDArray> weights;
    private final List<NDArray> firstState = new ArrayList<>();
    private final List<NDArray> secondState = new ArrayList<>();
    private int step;

    ParameterUpdater(OptimizerSettings settings, List<NDArray> weights) {
        this.settings = settings;
        this.weights = List.copyOf(weights);
        for (NDArray weight : weights) {
            firstState.add(weight.zerosLike());
            secondState.add(weight.zerosLike());
        }
    }

    void step() {
        step++;
        for (int i = 0; i < weights.size(); i++) {
            NDArray weight = weights.get(i);
            try (NDArray grad = weight.getGradient()) {
                update(weight, grad, firstState.get(i), secondState.get(i));
            }
        }
    }

    /** Drops gradients without updating, e.g. after a warm-up pass. */
    void clearGradients() {
        for (NDArray weight : weights) {
            JniUtils.zeroGrad((PtNDArray) weight);
        }
    }

    private void update(NDArray weight, NDArray grad, NDArray first, NDArray second) {
        float lr = (float) settings.learningRate();
        float eps = (float) settings.epsilon();
        OptimizerKind kind = settings.kind();
        switch (kind) {
            case SGD, MOMENTUM -> {
                float momentum = kind == OptimizerKind.MOMENTUM ? (float) settings.momentum() : 0f;
                weight.getNDArrayInternal()
                        .sgdUpdate(
                                new NDList(weight, grad, first),
                                new NDList(weight),
                                lr,
                                0f,
                                1f,
                                NO_CLIP,
                                momentum,
                                false);
            }
            case ADAM -> {
                double b1 = settings.beta1();
                double b2 = settings.beta2();
                // bias correction folded into the step size, as PyTorch's Adam does
                float corrected = (float) (lr * Math.sqrt(1 - Math.pow(b2, step)) / (1 - Math.pow(b1, step)));
                JniUtils.adamUpdate(
                        (PtNDArray) weight,
                        (PtNDArray) grad,
                        (PtNDArray) first,
                        (PtNDArray) second,
                        lr,
                        corrected,
                        0f,
                        1f,
                        NO_CLIP,
                        (float) b1,
                        (float) b2,
                        eps,
                        false);
                JniUtils.zeroGrad((PtNDArray) weight);
            }
            case ADAGRAD -> {
                // s += g²;  w -= lr·g / (√s + ε)
                try (NDArray squared = grad.square()) {
                    first.addi(squared);
                }
                adaptiveStep(weight, grad, first, lr, eps);
                JniUtils.zeroGrad((PtNDArray) weight);
            }
            case RMSPROP -> {
                // s = ρ·s + (1-ρ)·g²;  w -= lr·g / (√s + ε)
                float rho = (float) settings.rho();
                try (NDArray squared = grad.square()) {
                    first.muli(rho).addi(squared.muli(1 - rho));
                }
                adaptiveStep(weight, grad, first, lr, eps);
                JniUtils.zeroGrad((PtNDArray) weight);
            }
            default -> throw new IllegalStateException("no update rule for " + kind);
        }
    }

    private static void adaptiveStep(NDArray weight, NDArray grad, NDArray squares, float lr, float eps) {
        try (NDArray root = squares.sqrt()) {
            root.addi(eps);
            try (NDArray change = grad.div(root)) {
                weight.subi(change.muli(lr));
            }
        }
    }

    @Override
    public void close() {
        firstState.forEach(NDArray::close);
        secondState.forEach(NDArray::close);
    }
}
