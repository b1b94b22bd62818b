package org.layerlab.core.training;

import java.util.ArrayList;
import java.util.List;

/**
 * An optimizer and its hyperparameters. Each kind reads only its own: momentum for MOMENTUM, rho for
 * RMSprop (decay of the squared-gradient average), beta1/beta2 for Adam, epsilon for the adaptive ones.
 */
public record OptimizerSettings(
        OptimizerKind kind,
        double learningRate,
        double momentum,
        double rho,
        double beta1,
        double beta2,
        double epsilon) {

    public static OptimizerSettings defaults(OptimizerKind kind) {
        double epsilon = kind == OptimizerKind.ADAGRAD ? 1e-10 : 1e-8;
        return new OptimizerSettings(kind, kind.defaultLearningRate(), 0.9, 0.9, 0.9, 0.999, epsilon);
    }

    public OptimizerSettings withLearningRate(double rate) {
        return new OptimizerSettings(kind, rate, momentum, rho, beta1, beta2, epsilon);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!(learningRate > 0) || learningRate > 10) {
            problems.add("learning rate must be above 0 and at most 10 but is " + learningRate);
        }
        if (momentum < 0 || momentum >= 1) {
            problems.add("momentum must be in [0, 1) but is " + momentum);
        }
        if (rho <= 0 || rho >= 1) {
            problems.add("rho must be in (0, 1) but is " + rho);
        }
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            problems.add("beta1 and beta2 must be in [0, 1) but are " + beta1 + " and " + beta2);
        }
        if (!(epsilon > 0)) {
            problems.add("epsilon must be above 0 but is " + epsilon);
        }
        return problems;
    }
}
