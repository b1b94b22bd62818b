package org.layerlab.core.stack;

import java.util.List;

/** Applies a non-linear function to every value; the shape does not change. */
public record Activation(ActivationFunction function) implements Layer {
    public static final Activation RELU = new Activation(ActivationFunction.RELU);

    @Override
    public LayerKind kind() {
        return LayerKind.ACTIVATION;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public List<String> settingProblems() {
        return new Settings()
                .check(function != null, "function must be one of ReLU, LeakyReLU, Sigmoid, Tanh, Softmax")
                .problems();
    }
}
