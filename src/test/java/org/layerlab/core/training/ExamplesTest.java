package org.layerlab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExamplesTest {
    private static final int[] LABELS = {0, 0, 1, 1, 1};
    private static final List<Prediction> PREDICTIONS = List.of(
            new Prediction(0, new float[] {0.6f, 0.4f}),
            new Prediction(1, new float[] {0.3f, 0.7f}),
            new Prediction(0, new float[] {0.9f, 0.1f}),
            new Prediction(1, new float[] {0.2f, 0.8f}),
            new Prediction(0, new float[] {0.55f, 0.45f}));

    @Test
    void aCellHoldsItsSamplesMostConfidentFirst() {
        assertEquals(List.of(2, 4), Examples.inCell(LABELS, PREDICTIONS, 1, 0));
        assertEquals(List.of(1), Examples.inCell(LABELS, PREDICTIONS, 0, 1));
        assertEquals(List.of(3), Examples.inCell(LABELS, PREDICTIONS, 1, 1));
    }

    @Test
    void confidentMistakesAreTheWrongOnesSurestFirstUpToTheLimit() {
        assertEquals(List.of(2, 1, 4), Examples.confidentMistakes(LABELS, PREDICTIONS, 10));
        assertEquals(List.of(2, 1), Examples.confidentMistakes(LABELS, PREDICTIONS, 2));
    }

    @Test
    void topClassesAreOrderedByProbability() {
        Prediction p = new Prediction(2, new float[] {0.1f, 0.3f, 0.6f});
        assertEquals(List.of(2, 1), Examples.topClasses(p, 2));
        assertEquals(0.6f, Examples.confidence(p));
    }
}
