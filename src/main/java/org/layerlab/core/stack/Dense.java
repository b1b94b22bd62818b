package org.layerlab.core.stack;

import java.util.List;

/** A fully connected layer: every output unit sees every input value. */
public record Dense(int units, boolean bias) implements Layer {
    public static final Dense DEFAULT = new Dense(64, true);
    static final LayerSpec<Dense> SPEC = new LayerSpec<>(
            Dense.class,
            DEFAULT,
            List.of(
                    SettingSpec.wholeNumber("units", "How many outputs (neurons).", Dense::units),
                    SettingSpec.yesNo("bias", "Add a learned constant b to each output.", Dense::bias)),
            v -> new Dense(v.wholeNumber("units"), v.yesNo("bias")),
            l -> "Dense(" + l.units() + (l.bias() ? "" : ", no bias") + ")");

    public Dense(int units) {
        this(units, true);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.DENSE;
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public List<String> settingProblems() {
        return new Settings().positive("units", units).problems();
    }
}
