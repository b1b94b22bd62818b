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
}
