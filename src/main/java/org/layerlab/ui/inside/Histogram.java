package org.layerlab.ui.inside;

/** How many values fall in each of {@code counts.length} equal bins from {@code low} to {@code high}. */
public record Histogram(double low, double high, int[] counts) {

    /** Values outside [low, high] are counted in the first or last bin; low must be below high. */
    public static Histogram of(float[] values, double low, double high, int bins) {
        int[] counts = new int[bins];
        double width = (high - low) / bins;
        for (float value : values) {
            int bin = (int) Math.floor((value - low) / width);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        return new Histogram(low, high, counts);
    }

    public int total() {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    public int largest() {
        int largest = 0;
        for (int count : counts) {
            largest = Math.max(largest, count);
        }
        return largest;
    }
}
