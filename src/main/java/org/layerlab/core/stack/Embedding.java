package org.layerlab.core.stack;

import java.util.List;

/** Looks up a learned vector of size {@code dimension} for each token id below {@code vocabulary}. */
public record Embedding(int vocabulary, int dimension) implements Layer {
    public static final Embedding DEFAULT = new Embedding(10_000, 32);

    @Override
    public LayerKind kind() {
        return LayerKind.EMBEDDING;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public List<String> settingProblems() {
        return new Settings()
                .positive("vocabulary", vocabulary)
                .positive("dimension", dimension)
                .problems();
    }
}
