package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * PyTorch's nn.Embedding: a (vocabulary × dimension) table looked up by token id. DJL's own embeddings map
 * tokens through a vocabulary object; LayerLab's data is already ids, so this block takes them as they are.
 */
final class TokenEmbedding extends AbstractBlock {
    private final Parameter weight;
    private final int dimension;

    TokenEmbedding(int vocabulary, int dimension) {
        this.dimension = dimension;
        weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabulary, dimension))
                .optInitializer(new NormalInitializer(1f))
                .build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        NDArray table = store.getValue(weight, ids.getDevice(), training);
        return TorchCalls.embedding(ids, table);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(dimension)};
    }
}
