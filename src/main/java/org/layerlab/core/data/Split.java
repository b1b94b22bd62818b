package org.layerlab.core.data;

import java.util.Random;

/**
 * A deterministic train / validation / test split: the same seed always puts the same rows in each part.
 * {@code testFraction} is ignored where the data comes with its own test set (MNIST's t10k).
 */
public record Split(double validationFraction, double testFraction, long seed) {
    public static final Split DEFAULT = new Split(0.1, 0.2, 42);

    public Split {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("validation (" + validationFraction + ") and test (" + testFraction
                    + ") fractions must be at least 0 and leave some data for training");
        }
    }

    /** Row indices of each part: [0] train, [1] validation, [2] test. */
    public int[][] assign(int rows, boolean withTest) {
        int[] order = shuffled(rows, seed);
        int test = withTest ? (int) Math.round(rows * testFraction) : 0;
        int validation = (int) Math.round(rows * validationFraction);
        int train = rows - test - validation;
        int[][] parts = {new int[train], new int[validation], new int[test]};
        System.arraycopy(order, 0, parts[0], 0, train);
        System.arraycopy(order, train, parts[1], 0, validation);
        System.arraycopy(order, train + validation, parts[2], 0, test);
        for (int[] part : parts) {
            java.util.Arrays.sort(part);
        }
        return parts;
    }

    public static int[] shuffled(int count, long seed) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
