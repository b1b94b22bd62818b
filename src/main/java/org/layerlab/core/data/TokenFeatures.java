package org.layerlab.core.data;

/** Padded sequences of token ids for Embedding layers; id 0 is padding, 1 an unknown word. */
public record TokenFeatures(int[] data, int sampleSize) implements FeatureStore {
    public static final int PADDING = 0;
    public static final int UNKNOWN = 1;

    @Override
    public int count() {
        return data.length / sampleSize;
    }

    @Override
    public FeatureStore subset(int[] indices) {
        int[] out = new int[indices.length * sampleSize];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data, indices[i] * sampleSize, out, i * sampleSize, sampleSize);
        }
        return new TokenFeatures(out, sampleSize);
    }

    @Override
    public float[] sample(int index) {
        float[] out = new float[sampleSize];
        for (int j = 0; j < sampleSize; j++) {
            out[j] = data[index * sampleSize + j];
        }
        return out;
    }
}
