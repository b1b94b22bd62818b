package org.layerlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {

    private static int[] unlabelled(int rows) {
        return new int[rows];
    }

    /** Iris-like labels: 50 rows of each of three classes, in class order as the file has them. */
    private static int[] threeClasses() {
        return IntStream.range(0, 150).map(i -> i / 50).toArray();
    }

    private static int[] perClass(int[] part, int[] labels) {
        int[] counts = new int[3];
        for (int row : part) {
            counts[labels[row]]++;
        }
        return counts;
    }

    @Test
    void everyClassHasItsShareOfEachPart() {
        int[] labels = threeClasses();
        int[][] parts = new Split(0.1, 0.2, 42).assign(labels, true);
        assertArrayEquals(new int[] {35, 35, 35}, perClass(parts[0], labels));
        assertArrayEquals(new int[] {5, 5, 5}, perClass(parts[1], labels));
        assertArrayEquals(new int[] {10, 10, 10}, perClass(parts[2], labels));
    }

    @Test
    void unevenClassesKeepTheirProportionsWithinOneRow() {
        int[] labels =
                IntStream.range(0, 200).map(i -> i < 140 ? 0 : i < 180 ? 1 : 2).toArray();
        int[] test = perClass(new Split(0.1, 0.2, 3).assign(labels, true)[2], labels);
        assertEquals(28, test[0], 1);
        assertEquals(8, test[1], 1);
        assertEquals(4, test[2], 1);
        assertEquals(40, IntStream.of(test).sum());
    }

    @Test
    void theTestRowsDependOnTheSeedAndTestShareOnly() {
        int[] labels = threeClasses();
        assertArrayEquals(
                new Split(0.1, 0.2, 9).assign(labels, true)[2], new Split(0.3, 0.2, 9).assign(labels, true)[2]);
        assertTrue(new Split(0.1, 0.2, 9).sameTestRows(new Split(0.3, 0.2, 9)));
        assertFalse(new Split(0.1, 0.2, 9).sameTestRows(new Split(0.1, 0.2, 9, false)));
    }

    @Test
    void aPlainSplitKeepsTheRowsItAlwaysHad() {
        // Models saved before splits were by class are evaluated on these rows: they must not move.
        int[][] plain = new Split(0.1, 0.2, 7, false).assign(threeClasses(), true);
        int[] order = Split.shuffled(150, 7);
        assertArrayEquals(IntStream.of(order).skip(120).sorted().toArray(), plain[2]);
        assertArrayEquals(IntStream.of(order).limit(105).sorted().toArray(), plain[0]);
    }

    @Test
    void sameSeedSameParts() {
        int[][] a = new Split(0.1, 0.2, 7).assign(unlabelled(100), true);
        int[][] b = new Split(0.1, 0.2, 7).assign(unlabelled(100), true);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        assertFalse(Arrays.equals(a[0], new Split(0.1, 0.2, 8).assign(unlabelled(100), true)[0]));
    }

    @Test
    void partsAreDisjointAndCoverEveryRow() {
        int[][] parts = new Split(0.1, 0.2, 1).assign(threeClassesOf(101), true);
        assertEquals(71, parts[0].length);
        assertEquals(10, parts[1].length);
        assertEquals(20, parts[2].length);
        int[] all = IntStream.concat(
                        IntStream.concat(Arrays.stream(parts[0]), Arrays.stream(parts[1])), Arrays.stream(parts[2]))
                .sorted()
                .toArray();
        assertArrayEquals(IntStream.range(0, 101).toArray(), all);
    }

    private static int[] threeClassesOf(int rows) {
        return IntStream.range(0, rows).map(i -> i % 3).toArray();
    }

    @Test
    void noTestPartWhenTheDataBringsItsOwn() {
        assertEquals(0, new Split(0.1, 0.2, 1).assign(unlabelled(50), false)[2].length);
    }

    @Test
    void rejectsFractionsThatLeaveNoTrainingData() {
        assertThrows(IllegalArgumentException.class, () -> new Split(0.5, 0.5, 1));
    }
}
