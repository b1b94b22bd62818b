package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProjectFolderTest {
    @Test
    void theSuggestedNameFollowsTheProjectOrItsData() {
        assertEquals("digits.layerlab", ProjectFolder.suggestedName(Path.of("/tmp/p/digits.layerlab"), null));
        assertEquals("my-network.layerlab", ProjectFolder.suggestedName(null, null));
    }
}
