package org.layerlab.core.stack;

/** The kinds of layer a student can put in a stack, with the words the palette and files use for them. */
public enum LayerKind {
    DENSE("Dense", "dense", "Every output is a weighted sum of all inputs plus a bias.", "y = Wx + b"),
    CONV2D(
            "Conv2D",
            "conv2d",
            "Slides small learned filters over an image to find local patterns.",
            "y[f,i,j] = b[f] + Σ w[f,c,u,v]·x[c,i·s+u,j·s+v]"),
    MAX_POOL2D(
            "MaxPool2D",
            "maxpool2d",
            "Keeps the largest value of each window: smaller maps, same features.",
            "y[c,i,j] = max over the window of x[c,·,·]"),
    AVG_POOL2D(
            "AvgPool2D",
            "avgpool2d",
            "Averages each window: smaller, smoother maps.",
            "y[c,i,j] = mean over the window of x[c,·,·]"),
    FLATTEN("Flatten", "flatten", "Lays an image or sequence out as one long vector for Dense layers.", null),
    DROPOUT(
            "Dropout",
            "dropout",
            "Randomly zeroes a fraction of values while training, against overfitting.",
            "y = x·m/(1-p), m ~ Bernoulli(1-p)"),
    BATCH_NORM(
            "BatchNorm",
            "batchnorm",
            "Normalises each feature over the batch, then scales and shifts it.",
            "y = γ(x-μ)/√(σ²+ε) + β"),
    ACTIVATION("Activation", "activation", "A non-linear function applied to every value.", null),
    EMBEDDING(
            "Embedding",
            "embedding",
            "Turns each token id into a learned vector; the first layer for text.",
            "y[t] = E[x[t]]"),
    LSTM("LSTM", "lstm", "Reads a sequence step by step with a gated memory (long short-term memory).", null),
    GRU("GRU", "gru", "Reads a sequence step by step with a simpler gated memory than the LSTM.", null);

    private final String displayName;
    private final String jsonType;
    private final String description;
    private final String formula;

    LayerKind(String displayName, String jsonType, String description, String formula) {
        this.displayName = displayName;
        this.jsonType = jsonType;
        this.description = description;
        this.formula = formula;
    }

    public String displayName() {
        return displayName;
    }

    /** The value of "type" in a stack file. */
    public String jsonType() {
        return jsonType;
    }

    public String description() {
        return description;
    }

    /** The formula a tooltip shows, or null where a formula would not help. */
    public String formula() {
        return formula;
    }

    /** This kind's settings, defaults, builder and label. */
    public LayerSpec<? extends Layer> spec() {
        return switch (this) {
            case DENSE -> Dense.SPEC;
            case CONV2D -> Conv2D.SPEC;
            case MAX_POOL2D -> MaxPool2D.SPEC;
            case AVG_POOL2D -> AvgPool2D.SPEC;
            case FLATTEN -> Flatten.SPEC;
            case DROPOUT -> Dropout.SPEC;
            case BATCH_NORM -> BatchNorm.SPEC;
            case ACTIVATION -> Activation.SPEC;
            case EMBEDDING -> Embedding.SPEC;
            case LSTM -> Lstm.SPEC;
            case GRU -> Gru.SPEC;
        };
    }

    public static LayerKind fromJsonType(String type) {
        for (LayerKind kind : values()) {
            if (kind.jsonType.equalsIgnoreCase(type)) {
                return kind;
            }
        }
        return null;
    }
}
