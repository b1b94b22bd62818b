package org.layerlab.core.stack;

import java.util.List;
import java.util.Locale;

/** Zeroes a fraction {@code rate} of values during training only. */
public record Dropout(double rate) implements Layer {
    public static final Dropout DEFAULT = new Dropout(0.5);
    static final LayerSpec<Dropout> SPEC = new LayerSpec<>(
            Dropout.class,
            DEFAULT,
            List.of(SettingSpec.number("rate", "Share of values set to zero while training, 0 to 1.", Dropout::rate)),
            v -> new Dropout(v.number("rate")),
            l -> String.format(Locale.ROOT, "Dropout(%s)", l.rate()));

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
