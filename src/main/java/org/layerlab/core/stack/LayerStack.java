package org.layerlab.core.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * An input shape and an ordered list of layers. The input may be left open (null): it is then taken
 * from the data the stack is trained on.
 */
public record LayerStack(TensorShape input, List<Layer> layers) {

    public LayerStack {
        layers = List.copyOf(layers);
    }

    public static LayerStack of(TensorShape input, Layer... layers) {
        return new LayerStack(input, List.of(layers));
    }

    public LayerStack withInput(TensorShape newInput) {
        return new LayerStack(newInput, layers);
    }

    public LayerStack withLayers(List<Layer> newLayers) {
        return new LayerStack(input, newLayers);
    }

    public LayerStack inserted(int index, Layer layer) {
        List<Layer> copy = new ArrayList<>(layers);
        copy.add(index, layer);
        return withLayers(copy);
    }

    public LayerStack removed(int index) {
        List<Layer> copy = new ArrayList<>(layers);
        copy.remove(index);
        return withLayers(copy);
    }

    public LayerStack replaced(int index, Layer layer) {
        List<Layer> copy = new ArrayList<>(layers);
        copy.set(index, layer);
        return withLayers(copy);
    }

    public LayerStack moved(int from, int to) {
        List<Layer> copy = new ArrayList<>(layers);
        copy.add(to, copy.remove(from));
        return withLayers(copy);
    }
}
