package org.layerlab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassFiguresTest {

    /**
     * A hand-made matrix (rows true, columns predicted):
     * cat:  8 2 0
     * dog:  1 5 4
     * fox:  0 0 0   (a class with no samples: recall and F1 are 0, never NaN)
     */
    @Test
    void figuresOfAHandMadeMatrix() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        add(m, 0, 0, 8);
        add(m, 0, 1, 2);
        add(m, 1, 0, 1);
        add(m, 1, 1, 5);
        add(m, 1, 2, 4);
        List<ClassFigures> rows = ClassFigures.of(m, List.of("cat", "dog", "fox"));

        assertEquals(new ClassFigures("cat", 8.0 / 9, 0.8, 2 * (8.0 / 9) * 0.8 / (8.0 / 9 + 0.8), 10), rows.get(0));
        assertEquals("dog", rows.get(1).className());
        assertEquals(5.0 / 7, rows.get(1).precision(), 1e-12);
        assertEquals(0.5, rows.get(1).recall(), 1e-12);
        assertEquals(2 * (5.0 / 7) * 0.5 / (5.0 / 7 + 0.5), rows.get(1).f1(), 1e-12);
        assertEquals(10, rows.get(1).support());
        assertEquals(new ClassFigures("fox", 0, 0, 0, 0), rows.get(2));
        assertEquals(0.4, m.rowShare(1, 2), 1e-12);
        assertEquals(0, m.rowShare(2, 2));
        assertEquals(13.0 / 20, m.accuracy(), 1e-12);
    }

    private static void add(ConfusionMatrix m, int actual, int predicted, int times) {
        for (int i = 0; i < times; i++) {
            m.add(actual, predicted);
        }
    }
}
