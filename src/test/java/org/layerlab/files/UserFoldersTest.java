package org.layerlab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFoldersTest {
    @TempDir
    Path home;

    @Test
    void linuxFollowsXdg() {
        UserFolders folders =
                UserFolders.of("Linux", Map.of("XDG_DATA_HOME", "/data/ann", "XDG_CACHE_HOME", "/cache/ann"), home);

        assertEquals(Path.of("/data/ann/layerlab"), folders.data());
        assertEquals(Path.of("/cache/ann/layerlab/djl"), folders.djlCache());
    }

    @Test
    void linuxWithoutXdgUsesTheDefaultsInHome() {
        // A relative XDG value is invalid by the specification and ignored.
        UserFolders folders = UserFolders.of("Linux", Map.of("XDG_DATA_HOME", "relative"), home);

        assertEquals(home.resolve(".local/share/layerlab"), folders.data());
        assertEquals(home.resolve(".cache/layerlab"), folders.cache());
    }

    @Test
    void windowsUsesAppData() {
        UserFolders folders = UserFolders.of(
                "Windows 11",
                Map.of(
                        "APPDATA",
                        home.resolve("Roaming").toString(),
                        "LOCALAPPDATA",
                        home.resolve("Local").toString()),
                home);

        assertEquals(home.resolve("Roaming").resolve("LayerLab"), folders.data());
        assertEquals(home.resolve("Local").resolve("LayerLab").resolve("cache"), folders.cache());
    }

    @Test
    void windowsWithoutAppDataUsesItsUsualPlace() {
        UserFolders folders = UserFolders.of("Windows 10", Map.of(), home);

        assertEquals(home.resolve("AppData/Roaming/LayerLab"), folders.data());
    }

    @Test
    void macUsesLibrary() {
        UserFolders folders = UserFolders.of("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), home);

        assertEquals(home.resolve("Library/Application Support/LayerLab"), folders.data());
        assertEquals(home.resolve("Library/Caches/LayerLab"), folders.cache());
    }

    @Test
    void anEarlierHomeFolderStaysInUse() throws IOException {
        Files.createDirectory(home.resolve(".layerlab"));

        UserFolders folders = UserFolders.of("Linux", Map.of(), home);

        assertEquals(home.resolve(".layerlab"), folders.data());
        assertEquals(home.resolve(".cache/layerlab"), folders.cache());
    }
}
