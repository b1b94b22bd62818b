package org.layerlab.core.data;

/**
 * The features of many samples, kept in one flat primitive array so that full MNIST stays compact:
 * sample {@code i} occupies {@code [i * sampleSize, (i + 1) * sampleSize)}.
 */
public sealed interface FeatureStore permits ByteFeatures, FloatFeatures, TokenFeatures {

    int count();

    int sampleSize();

    /** The samples at the given positions, in that order. */
    FeatureStore subset(int[] indices);

    /** One sample's values as the network sees them (bytes scaled to [0, 1], token ids as numbers). */
    float[] sample(int index);
}
