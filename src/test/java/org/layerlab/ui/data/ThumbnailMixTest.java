package org.layerlab.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThumbnailMixTest {

    @Test
    void dataStoredClassByClassShowsEveryClassInTurn() {
        int[] labels = {0, 0, 0, 0, 1, 1, 2, 2, 2};
        assertEquals(List.of(0, 4, 6, 1, 5, 7, 2), DataViewModel.mixOfClasses(labels, 3, 7));
        assertEquals(List.of(0, 4, 6, 1, 5, 7, 2, 8, 3), DataViewModel.mixOfClasses(labels, 3, 32));
    }
}
