package org.layerlab.core.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A deterministic train / validation / test split: the same seed always puts the same rows in each part.
 * {@code testFraction} is ignored where the data comes with its own test set (MNIST's t10k). A split
 * {@code byClass} gives every class the same shares (Iris: 35 / 35 / 35 in training, not 42 / 35 / 28);
 * models saved before splits were by class record none, and keep their plain split so that their test rows
 * stay the ones they never saw.
 */
public record Split(double validationFraction, double testFraction, long seed, boolean byClass) {
    public static final Split DEFAULT = new Split(0.1, 0.2, 42);

    public Split {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("validation (" + validationFraction + ") and test (" + testFraction
                    + ") fractions must be at least 0 and leave some data for training");
        }
    }

    /** A split by class, as every new split is. */
    public Split(double validationFraction, double testFraction, long seed) {
        this(validationFraction, testFraction, seed, true);
    }

    /** Row indices of each part, sorted: [0] train, [1] validation, [2] test. {@code labels} has one class a row. */
    public int[][] assign(int[] labels, boolean withTest) {
        int rows = labels.length;
        int[] order = byClass ? interleavedByClass(labels, seed) : shuffled(rows, seed);
        int test = withTest ? (int) Math.round(rows * testFraction) : 0;
        int validation = (int) Math.round(rows * validationFraction);
        int train = rows - test - validation;
        // By class, test and validation come first in the order, so that each takes its share of every class;
        // the plain split keeps its original order (train, validation, test) and so its rows.
        int[][] parts = byClass
                ? new int[][] {
                    Arrays.copyOfRange(order, test + validation, rows),
                    Arrays.copyOfRange(order, test, test + validation),
                    Arrays.copyOfRange(order, 0, test)
                }
                : new int[][] {
                    Arrays.copyOfRange(order, 0, train),
                    Arrays.copyOfRange(order, train, train + validation),
                    Arrays.copyOfRange(order, train + validation, rows)
                };
        for (int[] part : parts) {
            Arrays.sort(part);
        }
        return parts;
    }

    /**
     * The rows shuffled, then ordered so that every class is spread evenly along the order: the k-th of a
     * class's n rows sits at (k + ½) / n. Any stretch from the start then holds each class in its share.
     */
    private static int[] interleavedByClass(int[] labels, long seed) {
        int[] order = shuffled(labels.length, seed);
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        int[] size = new int[classes];
        for (int label : labels) {
            size[label]++;
        }
        int[] seen = new int[classes];
        double[] place = new double[labels.length];
        for (int row : order) {
            int label = labels[row];
            place[row] = (seen[label]++ + 0.5) / size[label];
        }
        int[] position = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
        }
        return IntStream.of(order)
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(row -> place[row]).thenComparingInt(row -> position[row]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** True when this split holds out the same test rows of the same data as {@code other}. */
    public boolean sameTestRows(Split other) {
        // The test rows come first (by class) or last (plain) in an order made from the seed alone.
        return testFraction == other.testFraction && seed == other.seed && byClass == other.byClass;
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
