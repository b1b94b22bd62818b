package org.layerlab;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.layerlab.cli.LayerLabCli;

/** Entry point of layerlab.jar. It does not extend Application, so that jpackage can launch it plainly. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // Nothing is ever downloaded at run time: the native PyTorch library ships in the class path.
        System.setProperty("ai.djl.offline", "true");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(LayerLabCli.run(args, out, err));
    }
}
