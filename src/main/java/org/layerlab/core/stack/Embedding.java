package org.layerlab.core.stack;

import java.util.List;

/** Looks up a learned vector of size {@code dimension} for each token id below {@code vocabulary}. */
public record Embedding(int vocabulary, int dimension) implements Layer {
    public static final Embedding DEFAULT = new Embedding(10_000, 32);
    static final LayerSpec<Embedding> SPEC = new LayerSpec<>(
            Embedding.class,
            DEFAULT,
            List.of(
                    SettingSpec.wholeNumber(
                            "vocabulary", "How many different token ids there are.", Embedding::vocabulary),
                    SettingSpec.wholeNumber("dimension", "Length of each word's vector.", Embedding::dimension)),
            v -> new Embedding(v.wholeNumber("vocabulary"), v.wholeNumber("dimension")),
            l -> "Embedding(" + l.vocabulary() + " → " + l.dimension() + ")");

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
