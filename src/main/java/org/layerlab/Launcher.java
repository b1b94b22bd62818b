package org.layerlab;

import org.layerlab.cli.LayerLabCli;
import org.layerlab.ui.LayerLabApp;

/**
 * Entry point of layerlab.jar: with no arguments the workbench opens, with a command the CLI runs. It does
 * not extend Application, so that JavaFX starts from the class path and jpackage can launch it plainly.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            try {
                LayerLabApp.open();
            } catch (UnsupportedOperationException e) {
                // No display (a server, a terminal over SSH): say so in one line and point to the CLI.
                System.exit(LayerLabCli.reportNoWindow(e.getMessage()));
            }
        } else {
            System.exit(LayerLabCli.run(args));
        }
    }
}
