package org.layerlab.core.data;

/** Unsigned byte features such as pixels; the network sees each as value / 255. */
public record ByteFeatures(byte[] data, int sampleSize) implements FeatureStore {
    public static final float SCALE = 1f / 255f;

    @Override
    public int count() {
        return data.length / sampleSize;
    }

    @Override
    public FeatureStore subset(int[] indices) {
        byte[] out = new byte[indices.length * sampleSize];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data, indices[i] * sampleSize, out, i * sampleSize, sampleSize);
        }
        return new ByteFeatures(out, sampleSize);
    }

    @Override
    public float[] sample(int index) {
        float[] out = new float[sampleSize];
        for (int j = 0; j < sampleSize; j++) {
            out[j] = (data[index * sampleSize + j] & 0xFF) * SCALE;
        }
        return out;
    }
}
