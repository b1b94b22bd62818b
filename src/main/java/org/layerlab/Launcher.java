package org.layerlab;

import org.layerlab.cli.LayerLabCli;

/** Entry point of layerlab.jar. It does not extend Application, so that jpackage can launch it plainly. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // Nothing is ever downloaded at run time: the native PyTorch library ships in the class path.
        System.setProperty("ai.djl.offline", "true");
        System.exit(LayerLabCli.run(args));
    }
}
