package org.layerlab.core.stack;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything that describes one layer kind apart from its engine block and its exporters: the layer a new
 * palette item starts as, its settings (names, types, help), how a layer is built from setting values,
 * and its short label. The property sheet, the stack file format and the labels all read it from here.
 */
public final class LayerSpec<L extends Layer> {
    private final Class<L> type;
    private final L defaults;
    private final List<SettingSpec<L>> settings;
    private final Function<SettingValues, L> build;
    private final Function<L, String> label;
    private final Map<String, String> follows;

    /**
     * {@code follows} names settings whose value, when a file leaves them out, is that of another setting
     * rather than the default (a pooling window's stride follows its size).
     */
    LayerSpec(
            Class<L> type,
            L defaults,
            List<SettingSpec<L>> settings,
            Function<SettingValues, L> build,
            Function<L, String> label,
            Map<String, String> follows) {
        this.type = type;
        this.defaults = defaults;
        this.settings = List.copyOf(settings);
        this.build = build;
        this.label = label;
        this.follows = Map.copyOf(follows);
    }

    LayerSpec(
            Class<L> type,
            L defaults,
            List<SettingSpec<L>> settings,
            Function<SettingValues, L> build,
            Function<L, String> label) {
        this(type, defaults, settings, build, label, Map.of());
    }

    public L defaults() {
        return defaults;
    }

    public List<SettingSpec<L>> settings() {
        return settings;
    }

    public List<String> settingNames() {
        return settings.stream().map(SettingSpec::name).toList();
    }

    /** The value a file that leaves {@code name} out gets, given the values read so far. */
    public Object fallback(String name, SettingValues readSoFar) {
        String other = follows.get(name);
        if (other != null && readSoFar.has(other)) {
            return readSoFar.get(other);
        }
        return settings.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .map(s -> s.read().apply(defaults))
                .orElse(null);
    }

    public SettingValues valuesOf(Layer layer) {
        L typed = type.cast(layer);
        SettingValues values = new SettingValues();
        settings.forEach(s -> values.put(s.name(), s.read().apply(typed)));
        return values;
    }

    public L build(SettingValues values) {
        return build.apply(values);
    }

    public String label(Layer layer) {
        return label.apply(type.cast(layer));
    }
}
