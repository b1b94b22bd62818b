package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.FeatureStore;

/**
 * The training set's features in native memory, one row per sample, and a batch's rows gathered from them
 * in shuffled order. Pixels are turned into floats once, up front, when that copy is small enough (the peer
 * benchmark preloads its floats too); otherwise they stay bytes and each batch is converted on its own.
 */
final class TrainingFeatures implements AutoCloseable {
    /** Float pixels for a whole training set up to this size; above it, bytes converted per batch. */
    static final long FLOAT_COPY_LIMIT_BYTES = 512L << 20;

    /** (samples, values per sample): gathering rows of a 2-D table is PyTorch's fast row copy. */
    private final NDArray rows;

    private final long[] batchShape;

    TrainingFeatures(NDManager manager, FeatureStore features, int[] sampleShape) {
        NDArray uploaded = DeviceData.upload(manager, features, sampleShape);
        NDArray table = uploaded.reshape(features.count(), -1);
        uploaded.close();
        if (table.getDataType() == DataType.UINT8 && table.size() * Float.BYTES <= FLOAT_COPY_LIMIT_BYTES) {
            try (NDArray bytes = table) {
                table = bytes.toType(DataType.FLOAT32, false).muli(ByteFeatures.SCALE);
            }
        }
        this.rows = table;
        this.batchShape = DeviceData.prepend(-1, sampleShape);
    }

    /**
     * The samples at {@code indices} (int64), as network input: floats in [0, 1] for pixels. PyTorch's
     * embedding lookup is index_select, which copies whole rows; advanced indexing ({@code get(indices)})
     * copies element by element and took 5× as long for an MNIST batch.
     */
    NDArray rows(NDArray indices, NDManager scope) {
        NDArray picked = TorchCalls.embedding(indices, rows).singletonOrThrow();
        picked.attach(scope);
        NDArray shaped = picked.reshape(new Shape(batchShape));
        shaped.attach(scope);
        if (shaped.getDataType() == DataType.UINT8) {
            NDArray floats = shaped.toType(DataType.FLOAT32, false);
            floats.attach(scope);
            return floats.muli(ByteFeatures.SCALE);
        }
        return shaped;
    }

    @Override
    public void close() {
        rows.close();
    }
}
