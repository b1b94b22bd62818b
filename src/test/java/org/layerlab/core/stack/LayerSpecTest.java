package org.layerlab.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each layer kind's one description: settings that read back what built the layer, and a label. */
class LayerSpecTest {

    @ParameterizedTest
    @EnumSource(LayerKind.class)
    void everySettingCanBeChangedAloneAndReadBack(LayerKind kind) {
        Layer layer = LayerSettings.defaultOf(kind);
        assertEquals(kind, layer.kind());
        assertEquals(layer, kind.spec().build(kind.spec().valuesOf(layer)), "values rebuild the same layer");
        assertFalse(LayerLabel.of(layer).isBlank());
        for (LayerSetting setting : LayerSettings.of(layer)) {
            Object changed = other(setting);
            Layer edited = LayerSettings.with(layer, setting.name(), changed);
            assertNotEquals(layer, edited, kind + " " + setting.name());
            List<LayerSetting> after = LayerSettings.of(edited);
            for (LayerSetting s : after) {
                Object expected = s.name().equals(setting.name())
                        ? changed
                        : LayerSettings.of(layer).stream()
                                .filter(b -> b.name().equals(s.name()))
                                .findFirst()
                                .orElseThrow()
                                .value();
                assertEquals(expected, s.value(), kind + ": only " + setting.name() + " changes");
            }
        }
    }

    /** A valid value different from the setting's current one. */
    private static Object other(LayerSetting setting) {
        Object value = setting.value();
        if (!setting.choices().isEmpty()) {
            return setting.choices().stream()
                    .filter(c -> !c.equals(value))
                    .findFirst()
                    .orElseThrow();
        }
        if (value instanceof Integer i) {
            return i + 1;
        }
        if (value instanceof Double d) {
            return d / 2;
        }
        return !(Boolean) value;
    }

    @Test
    void wholeNumbersTooLargeAreToldApartFromFractions() {
        assertNull(SettingSpec.wholeNumberProblem(new java.math.BigDecimal("2147483647")));
        assertNull(SettingSpec.wholeNumberProblem(new java.math.BigDecimal("3.0")));
        assertEquals(
                "must be at most 2,147,483,647 (is 100,000,000,000)",
                SettingSpec.wholeNumberProblem(new java.math.BigDecimal("1e11")));
        assertEquals(
                "must be a whole number but is 2.5", SettingSpec.wholeNumberProblem(new java.math.BigDecimal("2.5")));
    }
}
