package org.layerlab.core.training;

/** The update rules a student can pick, with the learning rate each usually starts well with. */
public enum OptimizerKind {
    SGD("sgd", "SGD", 0.01),
    MOMENTUM("momentum", "SGD with momentum", 0.01),
    ADAGRAD("adagrad", "AdaGrad", 0.01),
    RMSPROP("rmsprop", "RMSprop", 0.001),
    ADAM("adam", "Adam", 0.001);

    private final String cliName;
    private final String displayName;
    private final double defaultLearningRate;

    OptimizerKind(String cliName, String displayName, double defaultLearningRate) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.defaultLearningRate = defaultLearningRate;
    }

    public String cliName() {
        return cliName;
    }

    public String displayName() {
        return displayName;
    }

    public double defaultLearningRate() {
        return defaultLearningRate;
    }

    public static OptimizerKind fromName(String name) {
        for (OptimizerKind kind : values()) {
            if (kind.cliName.equalsIgnoreCase(name) || kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "unknown optimizer '" + name + "'; use sgd, momentum, adagrad, rmsprop or adam");
    }
}
