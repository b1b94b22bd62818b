package org.layerlab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleTextTest {

    @Test
    void aTableRowShowsItsOriginalValuesAndLevels() {
        Preprocessing.Tabular prep = new Preprocessing.Tabular(
                "species",
                List.of(
                        new Preprocessing.Column("petal_length", 3.0, 2.0, List.of()),
                        new Preprocessing.Column("colour", 0, 1, List.of("red", "blue"))));
        // standardised 1.05 → 3 + 1.05 × 2 = 5.1; one-hot (0, 1) → blue
        assertEquals("petal_length 5.1, colour blue", SampleText.of(prep, new float[] {1.05f, 0, 1}));
    }

    @Test
    void aSentenceIsReadBackFromItsTokenIdsWithoutPadding() {
        Preprocessing.Text prep = new Preprocessing.Text(List.of("<pad>", "<unknown>", "a", "fine", "film"), 6);
        assertEquals("a fine … film", SampleText.of(prep, new float[] {0, 0, 2, 3, 1, 4}));
    }

    @Test
    void imagesAreShownAsPicturesNotText() {
        assertNull(SampleText.of(new Preprocessing.Image(1, 2, 2), new float[4]));
    }
}
