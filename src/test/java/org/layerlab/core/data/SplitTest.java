package org.layerlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void sameSeedSameParts() {
        int[][] a = new Split(0.1, 0.2, 7).assign(100, true);
        int[][] b = new Split(0.1, 0.2, 7).assign(100, true);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        assertFalse(Arrays.equals(a[0], new Split(0.1, 0.2, 8).assign(100, true)[0]));
    }

    @Test
    void partsAreDisjointAndCoverEveryRow() {
        int[][] parts = new Split(0.1, 0.2, 1).assign(101, true);
        assertEquals(71, parts[0].length);
        assertEquals(10, parts[1].length);
        assertEquals(20, parts[2].length);
        int[] all = IntStream.concat(
                        IntStream.concat(Arrays.stream(parts[0]), Arrays.stream(parts[1])), Arrays.stream(parts[2]))
                .sorted()
                .toArray();
        assertArrayEquals(IntStream.range(0, 101).toArray(), all);
    }

    @Test
    void noTestPartWhenTheDataBringsItsOwn() {
        assertEquals(0, new Split(0.1, 0.2, 1).assign(50, false)[2].length);
    }

    @Test
    void rejectsFractionsThatLeaveNoTrainingData() {
        assertThrows(IllegalArgumentException.class, () -> new Split(0.5, 0.5, 1));
    }
}
