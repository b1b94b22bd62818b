package org.layerlab.core.data;

/** Real-valued features, already normalised. */
public record FloatFeatures(float[] data, int sampleSize) implements FeatureStore {

    @Override
    public int count() {
        return data.length / sampleSize;
    }

    @Override
    public FeatureStore subset(int[] indices) {
        float[] out = new float[indices.length * sampleSize];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data, indices[i] * sampleSize, out, i * sampleSize, sampleSize);
        }
        return new FloatFeatures(out, sampleSize);
    }

    @Override
    public float[] sample(int index) {
        float[] out = new float[sampleSize];
        System.arraycopy(data, index * sampleSize, out, 0, sampleSize);
        return out;
    }
}
