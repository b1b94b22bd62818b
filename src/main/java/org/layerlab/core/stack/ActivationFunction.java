package org.layerlab.core.stack;

/** The element-wise functions an Activation layer can apply. */
public enum ActivationFunction {
    RELU("ReLU", "max(0, x)"),
    LEAKY_RELU("LeakyReLU", "x if x > 0, else 0.01·x"),
    SIGMOID("Sigmoid", "1 / (1 + e^(-x))"),
    TANH("Tanh", "(e^x - e^(-x)) / (e^x + e^(-x))"),
    SOFTMAX("Softmax", "e^(x_i) / Σ_j e^(x_j)");

    private final String displayName;
    private final String formula;

    ActivationFunction(String displayName, String formula) {
        this.displayName = displayName;
        this.formula = formula;
    }

    public String displayName() {
        return displayName;
    }

    public String formula() {
        return formula;
    }

    public static ActivationFunction fromName(String name) {
        for (ActivationFunction function : values()) {
            if (function.displayName.equalsIgnoreCase(name) || function.name().equalsIgnoreCase(name)) {
                return function;
            }
        }
        return null;
    }
}
