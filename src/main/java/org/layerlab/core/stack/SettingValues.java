package org.layerlab.core.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** The values of a layer's settings by name, from which its kind builds the layer. */
public final class SettingValues {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public SettingValues put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Object get(String name) {
        return values.get(name);
    }

    int wholeNumber(String name) {
        return ((Number) values.get(name)).intValue();
    }

    double number(String name) {
        return ((Number) values.get(name)).doubleValue();
    }

    boolean yesNo(String name) {
        return (Boolean) values.get(name);
    }

    String choice(String name) {
        return String.valueOf(values.get(name));
    }
}
