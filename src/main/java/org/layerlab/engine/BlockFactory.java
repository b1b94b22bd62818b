package org.layerlab.engine;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import java.util.List;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.ActivationFunction;
import org.layerlab.core.stack.AvgPool2D;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.Gru;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.LayerVisitor;
import org.layerlab.core.stack.Lstm;
import org.layerlab.core.stack.MaxPool2D;

/**
 * Turns a LayerStack into a DJL block. A Softmax at the very end is left out: every loss reads raw outputs
 * (logits) for numerical stability, and prediction turns them into probabilities itself. An activation
 * followed by max pooling is built pooling first: for a non-decreasing function f, max(f(x)) = f(max(x)),
 * so the result is the same while f runs on a quarter of the values (about 8 % of a CNN batch here).
 */
final class BlockFactory implements LayerVisitor<Block> {

    private int rankBeforeLayer;
    private int layerIndex;

    private final long seed;

    private BlockFactory(long seed) {
        this.seed = seed;
    }

    /** The stack as a block for inference, or for training with {@link #build(LayerStack, long)}. */
    static SequentialBlock build(LayerStack stack) {
        return build(stack, 0);
    }

    /** The stack as a block whose dropout layers draw their masks from {@code seed}. */
    static SequentialBlock build(LayerStack stack, long seed) {
        List<Layer> layers = trainableLayers(stack);
        BlockFactory factory = new BlockFactory(seed);
        SequentialBlock block = new SequentialBlock();
        org.layerlab.core.stack.StackSummary summary = org.layerlab.core.stack.ShapeInference.summarize(stack);
        for (int i = 0; i < layers.size(); i++) {
            factory.rankBeforeLayer = summary.layers().get(i).input().rank();
            factory.layerIndex = i;
            Layer layer = layers.get(i);
            if (i + 1 < layers.size() && poolsFirst(layer, layers.get(i + 1))) {
                block.add(layers.get(i + 1).accept(factory));
                block.add(layer.accept(factory));
                i++;
            } else {
                block.add(layer.accept(factory));
            }
        }
        return block;
    }

    static boolean poolsFirst(Layer layer, Layer next) {
        return next instanceof MaxPool2D
                && layer instanceof Activation activation
                && activation.function() != ActivationFunction.SOFTMAX;
    }

    static List<Layer> trainableLayers(LayerStack stack) {
        List<Layer> layers = stack.layers();
        if (!layers.isEmpty()
                && layers.get(layers.size() - 1) instanceof Activation last
                && last.function() == ActivationFunction.SOFTMAX) {
            return layers.subList(0, layers.size() - 1);
        }
        return layers;
    }

    @Override
    public Block visit(Dense layer) {
        return Linear.builder().setUnits(layer.units()).optBias(layer.bias()).build();
    }

    @Override
    public Block visit(Conv2D layer) {
        int pad = layer.paddingPixels();
        return Conv2d.builder()
                .setKernelShape(new Shape(layer.kernel(), layer.kernel()))
                .setFilters(layer.filters())
                .optStride(new Shape(layer.stride(), layer.stride()))
                .optPadding(new Shape(pad, pad))
                .build();
    }

    @Override
    public Block visit(MaxPool2D layer) {
        if (layer.stride() == layer.size()) {
            return new WindowMaxPool(layer.size()); // the same result, several times faster: see there
        }
        return Pool.maxPool2dBlock(new Shape(layer.size(), layer.size()), new Shape(layer.stride(), layer.stride()));
    }

    @Override
    public Block visit(AvgPool2D layer) {
        return Pool.avgPool2dBlock(new Shape(layer.size(), layer.size()), new Shape(layer.stride(), layer.stride()));
    }

    @Override
    public Block visit(Flatten layer) {
        return Blocks.batchFlattenBlock();
    }

    @Override
    public Block visit(org.layerlab.core.stack.Dropout layer) {
        return new MaskedDropout(layer.rate(), seed * 1_000_003L + layerIndex); // each layer its own stream
    }

    /**
     * Channels are axis 1 of an image batch (N, C, H, W); vectors and sequences normalise their last axis.
     * The axis is given as a positive number: DJL's PyTorch engine reads -1 as "axis 1".
     */
    @Override
    public Block visit(org.layerlab.core.stack.BatchNorm layer) {
        int axis = rankBeforeLayer == 3 ? 1 : rankBeforeLayer;
        return BatchNorm.builder().optAxis(axis).build();
    }

    @Override
    public Block visit(Activation layer) {
        return switch (layer.function()) {
            case RELU -> ai.djl.nn.Activation.reluBlock();
            case LEAKY_RELU -> ai.djl.nn.Activation.leakyReluBlock(0.01f);
            case SIGMOID -> ai.djl.nn.Activation.sigmoidBlock();
            case TANH -> ai.djl.nn.Activation.tanhBlock();
            case SOFTMAX -> LambdaBlock.singleton(x -> x.softmax(-1), "softmax");
        };
    }

    @Override
    public Block visit(Embedding layer) {
        return new TokenEmbedding(layer.vocabulary(), layer.dimension());
    }

    @Override
    public Block visit(Lstm layer) {
        Block lstm = LSTM.builder()
                .setStateSize(layer.units())
                .setNumLayers(1)
                .optBatchFirst(true)
                .optReturnState(false)
                .build();
        return layer.returnSequences() ? lstm : new SequentialBlock().add(lstm).add(lastStep());
    }

    @Override
    public Block visit(Gru layer) {
        Block gru = GRU.builder()
                .setStateSize(layer.units())
                .setNumLayers(1)
                .optBatchFirst(true)
                .optReturnState(false)
                .build();
        return layer.returnSequences() ? gru : new SequentialBlock().add(gru).add(lastStep());
    }

    /** Keeps the output of the last time step: (N, T, H) to (N, H). */
    private static Block lastStep() {
        return new LambdaBlock(list -> new NDList(list.head().get(new NDIndex(":, -1, :"))), "lastStep");
    }
}
