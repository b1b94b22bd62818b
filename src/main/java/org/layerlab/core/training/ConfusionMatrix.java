package org.layerlab.core.training;

/** counts[actual][predicted], with per-class precision, recall and F1. */
public final class ConfusionMatrix {
    private final int[][] counts;

    public ConfusionMatrix(int classes) {
        counts = new int[classes][classes];
    }

    public void add(int actual, int predicted) {
        counts[actual][predicted]++;
    }

    public int classes() {
        return counts.length;
    }

    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    public int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int c : row) {
                total += c;
            }
        }
        return total;
    }

    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        int total = total();
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** Of the samples predicted as this class, the share that were; 0 when none was predicted. */
    public double precision(int cls) {
        int predicted = 0;
        for (int[] row : counts) {
            predicted += row[cls];
        }
        return predicted == 0 ? 0 : (double) counts[cls][cls] / predicted;
    }

    /** Of the samples of this class, the share predicted as such; 0 when the class has none. */
    public double recall(int cls) {
        int actual = 0;
        for (int c : counts[cls]) {
            actual += c;
        }
        return actual == 0 ? 0 : (double) counts[cls][cls] / actual;
    }

    /** How many samples of this class there are (the row's total). */
    public int support(int cls) {
        int actual = 0;
        for (int c : counts[cls]) {
            actual += c;
        }
        return actual;
    }

    /** The share of this class's samples predicted as {@code predicted}: what the heat map colours by. */
    public double rowShare(int actual, int predicted) {
        int support = support(actual);
        return support == 0 ? 0 : (double) counts[actual][predicted] / support;
    }

    public double f1(int cls) {
        double p = precision(cls);
        double r = recall(cls);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
