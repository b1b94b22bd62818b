package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;

/**
 * Each optimizer, three steps on known gradients, against its textbook update rule computed here in double
 * precision: a wrong constant (AdaGrad's 1 − 1/t, Adam's bias correction or ε) fails it, where "learns
 * separable blobs" would pass. Settings are far from the defaults so that each constant shows.
 */
class ParameterUpdaterTest {
    private static final float[] START = {0.5f, -1.2f, 2.0f, 0.1f, -0.3f, 0.8f};
    private static final float[][] GRADIENTS = {
        {0.3f, -0.02f, 1.5f, -0.7f, 0.004f, 0.25f},
        {-0.1f, 0.05f, 1.2f, 0.6f, 0.002f, -0.4f},
        {0.2f, -0.03f, -0.9f, -0.5f, 0.001f, 0.3f}
    };

    private static OptimizerSettings settings(OptimizerKind kind) {
        return new OptimizerSettings(kind, 0.1, 0.7, 0.8, 0.85, 0.95, 1e-2);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void oneWorkerFollowsTheUpdateRule(OptimizerKind kind) {
        assertClose(expected(settings(kind)), trained(settings(kind), 1));
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void twoWorkersEachUpdatingHalfDoTheSame(OptimizerKind kind) {
        assertClose(expected(settings(kind)), trained(settings(kind), 2));
    }

    /** Weights (3 × 2) after three steps, each share updated by its own updater as the workers do. */
    private static float[] trained(OptimizerSettings settings, int parts) {
        Engine.getEngine("PyTorch");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(START, new Shape(3, 2));
            weight.setRequiresGradient(true);
            backward(weight, new float[] {9, 9, 9, 9, 9, 9}); // creates the gradient; the updaters clear it
            ParameterUpdater[] updaters = new ParameterUpdater[parts];
            for (int p = 0; p < parts; p++) {
                updaters[p] = new ParameterUpdater(settings, List.of(weight), p, parts);
            }
            for (float[] gradient : GRADIENTS) {
                backward(weight, gradient);
                for (ParameterUpdater updater : updaters) {
                    updater.step();
                }
            }
            for (ParameterUpdater updater : updaters) {
                updater.close();
            }
            return weight.toFloatArray();
        }
    }

    /** Makes the weight's gradient exactly {@code gradient}: d/dw of sum(w · g) is g. */
    private static void backward(NDArray weight, float[] gradient) {
        try (NDManager scope = weight.getManager().newSubManager()) {
            TorchCalls.recordGradients(true);
            NDArray loss = weight.mul(scope.create(gradient, weight.getShape())).sum();
            TorchCalls.backward(loss, scope.create(1f));
        } finally {
            TorchCalls.recordGradients(false);
        }
    }

    private static float[] expected(OptimizerSettings s) {
        double[] w = new double[START.length];
        double[] first = new double[START.length];
        double[] second = new double[START.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = START[i];
        }
        double lr = s.learningRate();
        double eps = s.epsilon();
        for (int t = 1; t <= GRADIENTS.length; t++) {
            for (int i = 0; i < w.length; i++) {
                double g = GRADIENTS[t - 1][i];
                switch (s.kind()) {
                    case SGD -> w[i] -= lr * g;
                    case MOMENTUM -> {
                        // v ← αv − η∇L; w ← w + v (first holds −v)
                        first[i] = s.momentum() * first[i] + lr * g;
                        w[i] -= first[i];
                    }
                    case ADAGRAD -> {
                        first[i] += g * g;
                        w[i] -= lr * g / (Math.sqrt(first[i]) + eps);
                    }
                    case RMSPROP -> {
                        first[i] = s.rho() * first[i] + (1 - s.rho()) * g * g;
                        w[i] -= lr * g / (Math.sqrt(first[i]) + eps);
                    }
                    case ADAM -> {
                        first[i] = s.beta1() * first[i] + (1 - s.beta1()) * g;
                        second[i] = s.beta2() * second[i] + (1 - s.beta2()) * g * g;
                        double mHat = first[i] / (1 - Math.pow(s.beta1(), t));
                        double vHat = second[i] / (1 - Math.pow(s.beta2(), t));
                        w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
                    }
                }
            }
        }
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (float) w[i];
        }
        return out;
    }

    private static void assertClose(float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 2e-6 + 2e-6 * Math.abs(expected[i]), "weight " + i);
        }
    }
}
