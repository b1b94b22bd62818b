package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.LayerWeights;

/**
 * Reads a built network's parameters back per stack layer, under PyTorch's names. The block has one child
 * per layer, except that a final Softmax is left out and an activation before max pooling is built after
 * it (see {@link BlockFactory}); neither of those two has parameters.
 */
final class WeightsReader {

    private WeightsReader() {}

    static List<LayerWeights> read(LayerStack stack, Block block) {
        List<Layer> layers = BlockFactory.trainableLayers(stack);
        List<Block> children = block.getChildren().values();
        List<LayerWeights> weights = new ArrayList<>();
        int child = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (i + 1 < layers.size() && BlockFactory.poolsFirst(layers.get(i), layers.get(i + 1))) {
                child += 2;
                i++;
                continue;
            }
            for (Pair<String, Parameter> pair : children.get(child).getParameters()) {
                NDArray array = pair.getValue().getArray();
                long[] dims = array.getShape().getShape();
                int[] shape = new int[dims.length];
                for (int d = 0; d < dims.length; d++) {
                    shape[d] = (int) dims[d];
                }
                weights.add(new LayerWeights(i, torchName(pair.getKey()), shape, array.toFloatArray()));
            }
            child++;
        }
        return weights;
    }

    /** DJL's parameter names ("gamma", "l_0_i2h_WEIGHT", "01LSTM_l_0_h2h_BIAS") as PyTorch's. */
    static String torchName(String djl) {
        String name = djl.substring(djl.lastIndexOf('_', djl.length()) + 1);
        if (djl.endsWith("i2h_WEIGHT")) {
            return "weight_ih_l0";
        }
        if (djl.endsWith("h2h_WEIGHT")) {
            return "weight_hh_l0";
        }
        if (djl.endsWith("i2h_BIAS")) {
            return "bias_ih_l0";
        }
        if (djl.endsWith("h2h_BIAS")) {
            return "bias_hh_l0";
        }
        return switch (name) {
            case "gamma" -> "weight";
            case "beta" -> "bias";
            case "runningMean" -> "running_mean";
            case "runningVar" -> "running_var";
            default -> name;
        };
    }
}
