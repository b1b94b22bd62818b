package org.layerlab.ui;

import java.awt.Desktop;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * macOS does not pass a double-clicked document as an argument, as Windows and Linux do: it sends the
 * running app an "open files" event, which reaches Java through {@link Desktop#setOpenFileHandler}. Events
 * that arrive before the handler is set are kept by the JDK and delivered once it is.
 */
final class MacFileOpening {
    private MacFileOpening() {}

    static void forward(Consumer<Path> open) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")
                || !Desktop.isDesktopSupported()
                || !Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_FILE)) {
            return;
        }
        Desktop.getDesktop().setOpenFileHandler(event -> {
            for (File file : event.getFiles()) {
                open.accept(file.toPath());
            }
        });
    }
}
