package org.layerlab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void precisionRecallAndF1PerClass() {
        ConfusionMatrix m = new ConfusionMatrix(2);
        // class 0: 3 right, 1 predicted as 1; class 1: 2 right, 2 predicted as 0
        for (int i = 0; i < 3; i++) {
            m.add(0, 0);
        }
        m.add(0, 1);
        m.add(1, 1);
        m.add(1, 1);
        m.add(1, 0);
        m.add(1, 0);
        assertEquals(5.0 / 8, m.accuracy(), 1e-9);
        assertEquals(3.0 / 5, m.precision(0), 1e-9);
        assertEquals(3.0 / 4, m.recall(0), 1e-9);
        assertEquals(2 * 0.6 * 0.75 / 1.35, m.f1(0), 1e-9);
        assertEquals(2.0 / 3, m.precision(1), 1e-9);
        assertEquals(0.5, m.recall(1), 1e-9);
    }

    @Test
    void classNeverPredictedHasZeroPrecisionNotNaN() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        m.add(2, 0);
        assertEquals(0, m.precision(2));
        assertEquals(0, m.f1(1));
    }
}
