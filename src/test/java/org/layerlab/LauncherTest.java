package org.layerlab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void aProjectFileOpensTheWindow() {
        assertTrue(Launcher.opensProject(new String[] {"/home/ann/Iris.layerlab"}));
        assertTrue(Launcher.opensProject(new String[] {"C:\\Users\\Ann\\IRIS.LAYERLAB"}));
    }

    @Test
    void commandsGoToTheCommandLine() {
        assertFalse(Launcher.opensProject(new String[] {"samples"}));
        assertFalse(Launcher.opensProject(new String[] {"--help"}));
        assertFalse(Launcher.opensProject(new String[] {"summary", "a.layerlab"}));
    }
}
