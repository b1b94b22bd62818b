package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.LayerOutput;

/**
 * Runs one sample through a built network block by block and keeps what each stack layer gives. The
 * block differs from the stack in two ways (see {@link BlockFactory}): an activation before max pooling is
 * built after it, so here the activation runs first again, as the student stacked it (max pooling commutes
 * with it, so the pooled output is the network's own); a final Softmax is left out of the block, so it is
 * applied here.
 */
final class LayerOutputs {

    private LayerOutputs() {}

    /** {@code input} is a batch of one sample, as the network takes it. */
    static List<LayerOutput> of(LayerStack stack, SequentialBlock block, ParameterStore parameters, NDArray input) {
        List<Layer> layers = BlockFactory.trainableLayers(stack);
        List<Block> children = block.getChildren().values();
        List<LayerOutput> outputs = new ArrayList<>();
        NDArray x = input;
        int child = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (i + 1 < layers.size() && BlockFactory.poolsFirst(layers.get(i), layers.get(i + 1))) {
                x = forward(children.get(child + 1), parameters, x);
                outputs.add(output(i, x));
                x = forward(children.get(child), parameters, x);
                outputs.add(output(i + 1, x));
                child += 2;
                i++;
            } else {
                x = forward(children.get(child), parameters, x);
                outputs.add(output(i, x));
                child++;
            }
        }
        if (layers.size() < stack.layers().size()) {
            outputs.add(output(layers.size(), x.softmax(-1)));
        }
        return outputs;
    }

    private static NDArray forward(Block child, ParameterStore parameters, NDArray x) {
        return child.forward(parameters, new NDList(x), false).head();
    }

    /** The output without its batch axis of one. */
    private static LayerOutput output(int layer, NDArray batchOfOne) {
        long[] dims = batchOfOne.getShape().getShape();
        int[] shape = new int[dims.length - 1];
        for (int d = 1; d < dims.length; d++) {
            shape[d - 1] = (int) dims[d];
        }
        return new LayerOutput(layer, shape, batchOfOne.toFloatArray());
    }
}
