package org.layerlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs ONNX's own checker (Debian's python3-onnx) on an exported file where it is installed; elsewhere it
 * says once what to install. CI installs it, so there the check always runs.
 */
final class PythonOnnxCheck {
    private static final String PYTHON = "/usr/bin/python3";
    private static Boolean available;

    private PythonOnnxCheck() {}

    static void assertValid(Path file) throws IOException, InterruptedException {
        if (!available()) {
            return;
        }
        Process check = new ProcessBuilder(
                        PYTHON,
                        "-c",
                        "import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), "onnx.checker: " + output);
    }

    private static synchronized boolean available() throws IOException, InterruptedException {
        if (available == null) {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import onnx")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            available = probe.waitFor() == 0;
            if (!available) {
                System.err.println("ONNX checker skipped: install Debian's python3-onnx to run it.");
            }
        }
        return available;
    }
}
