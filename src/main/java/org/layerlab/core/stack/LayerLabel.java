package org.layerlab.core.stack;

/** A short, readable name for a layer with its main settings: "Conv2D(32, 3×3)", "Dropout(0.2)", "ReLU". */
public final class LayerLabel {

    private LayerLabel() {}

    public static String of(Layer layer) {
        return layer.kind().spec().label(layer);
    }
}
