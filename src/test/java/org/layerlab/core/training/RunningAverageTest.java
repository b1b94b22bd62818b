package org.layerlab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunningAverageTest {

    @Test
    void startsAtTheFirstFigureThenCountsEachNewOneForATenth() {
        RunningAverage average = new RunningAverage();
        assertTrue(Double.isNaN(average.value()));
        assertEquals(2.0, average.add(2.0));
        assertEquals(0.9 * 2.0 + 0.1 * 1.0, average.add(1.0), 1e-12);
        assertEquals(0.9 * (0.9 * 2.0 + 0.1 * 1.0), average.add(0.0), 1e-12);
        assertEquals(average.value(), 0.9 * (0.9 * 2.0 + 0.1 * 1.0), 1e-12);
    }
}
