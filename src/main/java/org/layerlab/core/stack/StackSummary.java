package org.layerlab.core.stack;

import java.util.List;

/** Every layer's output shape and parameter count, the total, and what makes the stack unusable. */
public record StackSummary(
        TensorShape input, List<LayerSummary> layers, long totalParameters, List<String> stackProblems) {

    public StackSummary {
        layers = List.copyOf(layers);
        stackProblems = List.copyOf(stackProblems);
    }

    public boolean valid() {
        return stackProblems.isEmpty() && layers.stream().allMatch(LayerSummary::ok);
    }

    /** All problems, the stack's own first, then one per broken layer, in stack order. */
    public List<String> problems() {
        return java.util.stream.Stream.concat(
                        stackProblems.stream(),
                        layers.stream().filter(l -> !l.ok()).map(LayerSummary::problem))
                .toList();
    }

    /** Multiply-adds of one sample's forward pass: what decides how long a batch takes. */
    public long multiplyAdds() {
        return layers.stream().mapToLong(LayerSummary::multiplyAdds).sum();
    }

    /** The shape the last layer produces, or null if the stack is broken. */
    public TensorShape output() {
        if (!valid() || layers.isEmpty()) {
            return null;
        }
        return layers.get(layers.size() - 1).output();
    }
}
