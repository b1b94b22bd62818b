package org.layerlab.core.stack;

import java.util.Arrays;
import java.util.List;

/** Applies a non-linear function to every value; the shape does not change. */
public record Activation(ActivationFunction function) implements Layer {
    public static final Activation RELU = new Activation(ActivationFunction.RELU);
    static final LayerSpec<Activation> SPEC = new LayerSpec<>(
            Activation.class,
            RELU,
            List.of(SettingSpec.choice(
                    "function",
                    "The function applied to every value.",
                    Arrays.stream(ActivationFunction.values())
                            .map(ActivationFunction::displayName)
                            .toList(),
                    l -> l.function().displayName())),
            v -> new Activation(ActivationFunction.fromName(v.choice("function"))),
            l -> l.function() == null ? "Activation(?)" : l.function().displayName());

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
