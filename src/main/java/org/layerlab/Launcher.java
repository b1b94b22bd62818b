package org.layerlab;

import java.nio.file.Path;
import java.util.Locale;
import org.layerlab.cli.LayerLabCli;
import org.layerlab.files.ProjectFile;
import org.layerlab.files.UserFolders;
import org.layerlab.ui.LayerLabApp;

/**
 * Entry point of layerlab.jar: with no arguments the workbench opens, with a project file (a double-click on
 * NAME.layerlab) the workbench opens it, with a command the CLI runs. It does not extend Application, so that
 * JavaFX starts from the class path and jpackage can launch it plainly.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        keepDjlCacheWithTheUser();
        if (args.length == 0 || opensProject(args)) {
            try {
                LayerLabApp.open(args.length == 0 ? null : Path.of(args[0]));
            } catch (UnsupportedOperationException e) {
                // No display (a server, a terminal over SSH): say so in one line and point to the CLI.
                System.exit(LayerLabCli.reportNoWindow(e.getMessage()));
            }
        } else {
            System.exit(LayerLabCli.run(args));
        }
    }

    /** One argument naming a project file, as the desktop passes it: no command is called like that. */
    static boolean opensProject(String[] args) {
        return args.length == 1
                && !args[0].startsWith("-")
                && args[0].toLowerCase(Locale.ROOT).endsWith(ProjectFile.EXTENSION);
    }

    /**
     * The installed app (jpackage's launcher sets jpackage.app-path) unpacks PyTorch into the user's cache
     * folder rather than ~/.djl.ai, beside LayerLab's other files; a DJL_CACHE_DIR the user chose wins.
     * Running from the build keeps DJL's default, which the tests share.
     */
    private static void keepDjlCacheWithTheUser() {
        if (System.getProperty("jpackage.app-path") != null
                && System.getenv("DJL_CACHE_DIR") == null
                && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", UserFolders.current().djlCache().toString());
        }
    }
}
