package org.layerlab.ui.network;

import org.layerlab.core.stack.Layer;

/**
 * One line of the stack as the screen lists it; {@code problem} is null when the layer is fine, {@code numbers}
 * explains its output shape and parameter count (empty when they could not be worked out).
 */
public record LayerRow(
        int index, Layer layer, String label, String output, String parameters, String problem, String numbers) {}
