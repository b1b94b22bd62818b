package org.layerlab.core.stack;

import java.util.List;

/**
 * Reads a layer's settings as a list and makes a copy of a layer with one setting changed. This is what a
 * property sheet edits; the layer records stay immutable. Each kind's {@link LayerSpec} says what its
 * settings are.
 */
public final class LayerSettings {

    private LayerSettings() {}

    public static List<LayerSetting> of(Layer layer) {
        LayerSpec<? extends Layer> spec = layer.kind().spec();
        SettingValues values = spec.valuesOf(layer);
        return spec.settings().stream()
                .map(s -> new LayerSetting(s.name(), values.get(s.name()), s.choices(), s.help()))
                .toList();
    }

    /** A copy of {@code layer} with {@code name} set to {@code value}; unknown names change nothing. */
    public static Layer with(Layer layer, String name, Object value) {
        LayerSpec<? extends Layer> spec = layer.kind().spec();
        SettingValues values = spec.valuesOf(layer);
        if (values.has(name)) {
            values.put(name, value);
        }
        return spec.build(values);
    }

    /** The layer a new palette item starts as. */
    public static Layer defaultOf(LayerKind kind) {
        return kind.spec().defaults();
    }
}
