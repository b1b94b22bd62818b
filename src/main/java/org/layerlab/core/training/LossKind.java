package org.layerlab.core.training;

/** Loss functions. All of them read the last layer's raw outputs (logits); see each for its targets. */
public enum LossKind {
    /** Softmax over the outputs, then the negative log-probability of the true class. One output per class. */
    SOFTMAX_CROSS_ENTROPY("ce", "Softmax cross-entropy"),
    /** A sigmoid per output against one-hot targets; with one output, P(second class). */
    BINARY_CROSS_ENTROPY("bce", "Binary cross-entropy"),
    /** Squared distance between the outputs and the one-hot targets (with one output: the class index). */
    MEAN_SQUARED_ERROR("mse", "Mean squared error");

    private final String cliName;
    private final String displayName;

    LossKind(String cliName, String displayName) {
        this.cliName = cliName;
        this.displayName = displayName;
    }

    public String cliName() {
        return cliName;
    }

    public String displayName() {
        return displayName;
    }

    public static LossKind fromName(String name) {
        for (LossKind kind : values()) {
            if (kind.cliName.equalsIgnoreCase(name) || kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name + "'; use ce, bce or mse");
    }
}
