package org.layerlab.core.stack;

/**
 * What shape inference found for one layer. {@code output} is null when it could not be computed (this
 * layer or one above it is broken); {@code problem} is null when the layer is fine. {@code multiplyAdds}
 * is the work of one sample's forward pass through the layer (element-wise layers count as 0).
 */
public record LayerSummary(
        int number,
        Layer layer,
        TensorShape input,
        TensorShape output,
        long parameters,
        long multiplyAdds,
        String problem) {

    public boolean ok() {
        return problem == null;
    }
}
