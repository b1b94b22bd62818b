package org.layerlab.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where LayerLab keeps a user's things: {@code data} for recent projects, unsaved runs and the recovery copy,
 * {@code cache} for what can be made again (DJL's extracted PyTorch library). Never the install folder,
 * which an installed app may not write to. The operating system's own places: XDG on Linux, %APPDATA% and
 * %LOCALAPPDATA% on Windows, ~/Library on macOS. A ~/.layerlab of an earlier version stays in use, so
 * nobody loses a recovery copy.
 */
public record UserFolders(Path data, Path cache) {
    private static final String FOLDER = "LayerLab";
    private static final String XDG_FOLDER = "layerlab";

    /** The folders of the user running this JVM. */
    public static UserFolders current() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The folders on the system named {@code osName} (as in os.name) with this environment and home. */
    public static UserFolders of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        UserFolders folders;
        if (os.startsWith("windows")) {
            folders = new UserFolders(
                    base(env, "APPDATA", home.resolve("AppData").resolve("Roaming"))
                            .resolve(FOLDER),
                    base(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"))
                            .resolve(FOLDER)
                            .resolve("cache"));
        } else if (os.startsWith("mac")) {
            Path library = home.resolve("Library");
            folders = new UserFolders(
                    library.resolve("Application Support").resolve(FOLDER),
                    library.resolve("Caches").resolve(FOLDER));
        } else {
            folders = new UserFolders(
                    base(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"))
                            .resolve(XDG_FOLDER),
                    base(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve(XDG_FOLDER));
        }
        Path legacy = home.resolve(".layerlab");
        return Files.isDirectory(legacy) ? new UserFolders(legacy, folders.cache()) : folders;
    }

    /** DJL's cache (the PyTorch library it unpacks on first use, ~430 MB). */
    public Path djlCache() {
        return cache.resolve("djl");
    }

    /** The folder an environment variable names; the XDG rules ignore a relative or empty value. */
    private static Path base(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path : fallback;
    }
}
