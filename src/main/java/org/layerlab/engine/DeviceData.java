package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.TokenFeatures;

/**
 * Features held once in native memory in their compact form (pixels stay bytes), and turned into the
 * network's input type one batch at a time: a batch is a view of a slice, so no per-sample copies. (Training
 * gathers shuffled rows instead: see {@link TrainingFeatures}.)
 */
final class DeviceData {

    private DeviceData() {}

    static NDArray upload(NDManager manager, FeatureStore features, int[] sampleShape) {
        Shape shape = new Shape(prepend(features.count(), sampleShape));
        if (features instanceof ByteFeatures bytes) {
            return manager.create(ByteBuffer.wrap(bytes.data()), shape, DataType.UINT8);
        }
        if (features instanceof FloatFeatures floats) {
            return manager.create(FloatBuffer.wrap(floats.data()), shape, DataType.FLOAT32);
        }
        TokenFeatures tokens = (TokenFeatures) features;
        try (NDArray ints = manager.create(IntBuffer.wrap(tokens.data()), shape, DataType.INT32)) {
            return ints.toType(DataType.INT64, false);
        }
    }

    /** Rows [from, to) of an uploaded array as network input: bytes become floats in [0, 1]. */
    static NDArray batch(NDArray uploaded, int from, int to) {
        NDArray slice = uploaded.get(new NDIndex().addSliceDim(from, to));
        if (slice.getDataType() == DataType.UINT8) {
            NDArray floats = slice.toType(DataType.FLOAT32, false);
            slice.close();
            return floats.muli(ByteFeatures.SCALE);
        }
        return slice;
    }

    static long[] prepend(int first, int[] rest) {
        long[] dims = new long[rest.length + 1];
        dims[0] = first;
        for (int i = 0; i < rest.length; i++) {
            dims[i + 1] = rest[i];
        }
        return dims;
    }
}
