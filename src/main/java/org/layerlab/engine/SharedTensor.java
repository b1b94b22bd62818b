package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A tensor whose memory Java allocated and writes directly: DJL's PyTorch engine wraps a direct buffer
 * without copying it. Training reuses one for every batch of the same size (its input rows, the loss's
 * gradient), so that a batch costs no native allocation or upload. Write it only between passes, never
 * while an operation that reads it may still be recorded for a backward pass.
 */
record SharedTensor(ByteBuffer memory, NDArray tensor) {

    static SharedTensor allocate(NDManager manager, Shape shape, DataType type) {
        ByteBuffer memory = ByteBuffer.allocateDirect(Math.toIntExact(shape.size() * type.getNumOfBytes()))
                .order(ByteOrder.nativeOrder());
        return new SharedTensor(memory, manager.create(memory, shape, type));
    }
}
