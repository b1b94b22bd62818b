package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.TokenFeatures;

/**
 * A training worker's batches of input rows, gathered in Java into a tensor that is reused for every batch
 * of the same size: one copy per batch, no native call. Not shared between threads: each worker has its own.
 */
final class TrainingFeatures implements AutoCloseable {
    /** Pixels are turned into floats once per run when that copy is at most this size (and a quarter of the heap). */
    static final long FLOAT_COPY_LIMIT_BYTES = 512L << 20;

    private final FeatureStore features;
    private final long[] sampleShape;
    private final NDManager manager;
    private final Map<Integer, SharedTensor> bySize = new HashMap<>();
    private float[] floats = new float[0];
    private long[] longs = new long[0];

    /**
     * The training set as the workers gather it: pixels turned into floats once, up front, when that copy is
     * small enough, so that a batch's rows are plain copies (the peer benchmark preloads its floats too);
     * otherwise as they are, and each batch's pixels are converted as they are gathered.
     */
    static FeatureStore forGathering(FeatureStore features) {
        long floatBytes = (long) features.count() * features.sampleSize() * Float.BYTES;
        long limit = Math.min(FLOAT_COPY_LIMIT_BYTES, Runtime.getRuntime().maxMemory() / 4);
        if (!(features instanceof ByteFeatures bytes) || floatBytes > limit) {
            return features;
        }
        byte[] data = bytes.data();
        float[] floats = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            floats[i] = (data[i] & 0xFF) * ByteFeatures.SCALE;
        }
        return new FloatFeatures(floats, bytes.sampleSize());
    }

    TrainingFeatures(NDManager parent, FeatureStore features, int[] sampleShape) {
        this.features = features;
        this.sampleShape = DeviceData.prepend(1, sampleShape);
        this.manager = parent.newSubManager();
    }

    /**
     * The samples {@code order[from..to)} as network input: floats in [0, 1] for pixels, int64 for token ids.
     * The tensor belongs to this object and is overwritten by the next call for as many rows: do not close it.
     */
    NDArray rows(int[] order, int from, int to) {
        int rows = to - from;
        int size = features.sampleSize();
        SharedTensor target = bySize.computeIfAbsent(rows, this::allocate);
        if (features instanceof ByteFeatures bytes) {
            float[] out = scratchFloats(rows * size);
            byte[] data = bytes.data();
            for (int r = 0; r < rows; r++) {
                int source = order[from + r] * size;
                int base = r * size;
                for (int j = 0; j < size; j++) {
                    out[base + j] = (data[source + j] & 0xFF) * ByteFeatures.SCALE;
                }
            }
            target.memory().asFloatBuffer().put(0, out, 0, rows * size);
        } else if (features instanceof FloatFeatures values) {
            var memory = target.memory().asFloatBuffer();
            for (int r = 0; r < rows; r++) {
                memory.put(r * size, values.data(), order[from + r] * size, size);
            }
        } else {
            int[] ids = ((TokenFeatures) features).data();
            long[] out = scratchLongs(rows * size);
            for (int r = 0; r < rows; r++) {
                int source = order[from + r] * size;
                for (int j = 0; j < size; j++) {
                    out[r * size + j] = ids[source + j];
                }
            }
            target.memory().asLongBuffer().put(0, out, 0, rows * size);
        }
        return target.tensor();
    }

    private SharedTensor allocate(int rows) {
        long[] shape = sampleShape.clone();
        shape[0] = rows;
        DataType type = features instanceof TokenFeatures ? DataType.INT64 : DataType.FLOAT32;
        return SharedTensor.allocate(manager, new Shape(shape), type);
    }

    private float[] scratchFloats(int length) {
        if (floats.length < length) {
            floats = new float[length];
        }
        return floats;
    }

    private long[] scratchLongs(int length) {
        if (longs.length < length) {
            longs = new long[length];
        }
        return longs;
    }

    @Override
    public void close() {
        manager.close();
    }
}
