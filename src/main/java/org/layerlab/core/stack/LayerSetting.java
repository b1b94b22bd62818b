package org.layerlab.core.stack;

import java.util.List;

/**
 * One editable setting of a layer, as a property sheet shows it: its name, a value of type Integer,
 * Double, Boolean or String, and for String the choices.
 */
public record LayerSetting(String name, Object value, List<String> choices, String help) {

    public LayerSetting {
        choices = List.copyOf(choices);
    }

    static LayerSetting of(String name, Object value, String help) {
        return new LayerSetting(name, value, List.of(), help);
    }

    static LayerSetting choice(String name, String value, List<String> choices, String help) {
        return new LayerSetting(name, value, choices, help);
    }
}
