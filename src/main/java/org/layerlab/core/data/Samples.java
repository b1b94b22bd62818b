package org.layerlab.core.data;

/** Features and their class labels (indices into the dataset's class names). */
public record Samples(FeatureStore features, int[] labels) {

    public Samples {
        if (features.count() != labels.length) {
            throw new IllegalArgumentException(features.count() + " feature rows but " + labels.length + " labels");
        }
    }

    public int count() {
        return labels.length;
    }

    public Samples subset(int[] indices) {
        int[] picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = labels[indices[i]];
        }
        return new Samples(features.subset(indices), picked);
    }

    /** How many samples each class has. */
    public int[] classCounts(int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
