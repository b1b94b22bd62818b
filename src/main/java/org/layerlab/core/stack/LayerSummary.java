package org.layerlab.core.stack;

/**
 * What shape inference found for one layer. {@code output} is null when it could not be computed (this
 * layer or one above it is broken); {@code problem} is null when the layer is fine.
 */
public record LayerSummary(int number, Layer layer, TensorShape input, TensorShape output, long parameters,
                           String problem) {

    public boolean ok() {
        return problem == null;
    }
}
