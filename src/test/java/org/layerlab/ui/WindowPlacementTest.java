package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.ui.WindowPlacement.Size;

class WindowPlacementTest {
    @TempDir
    Path home;

    @Test
    void theWindowNeverOpensLargerThanTheScreen() {
        Rectangle2D small = new Rectangle2D(0, 0, 1024, 740);
        assertEquals(new Size(1024, 740), WindowPlacement.fit(Optional.empty(), small));
        Rectangle2D large = new Rectangle2D(0, 0, 1920, 1040);
        assertEquals(new Size(1280, 800), WindowPlacement.fit(Optional.empty(), large));
        assertEquals(new Size(1600, 1000), WindowPlacement.fit(Optional.of(new Size(1600, 1000)), large));
        assertEquals(new Size(1024, 740), WindowPlacement.fit(Optional.of(new Size(1600, 1000)), small));
    }

    @Test
    void aRememberedSizeIsReadBackAndADamagedOneIgnored() throws Exception {
        assertEquals(Optional.empty(), WindowPlacement.remembered(home));
        Files.writeString(home.resolve("window.properties"), "width=1400.0\nheight=900.0\n");
        assertEquals(Optional.of(new Size(1400, 900)), WindowPlacement.remembered(home));
        Files.writeString(home.resolve("window.properties"), "width=wide\n");
        assertEquals(Optional.empty(), WindowPlacement.remembered(home));
        Files.writeString(home.resolve("window.properties"), "width=20\nheight=10\n");
        assertEquals(Optional.empty(), WindowPlacement.remembered(home), "a size too small to use");
    }
}
