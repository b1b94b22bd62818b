package org.layerlab.core.stack;

import java.util.List;

/** Zeroes a fraction {@code rate} of values during training only. */
public record Dropout(double rate) implements Layer {
    public static final Dropout DEFAULT = new Dropout(0.5);

    @Override
    public LayerKind kind() {
        return LayerKind.DROPOUT;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public List<String> settingProblems() {
        return new Settings()
                .check(
                        rate >= 0 && rate < 1,
                        "rate must be at least 0 and below 1 but is " + rate + "; 0.2 to 0.5 is usual")
                .problems();
    }
}
