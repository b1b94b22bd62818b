package org.layerlab.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The window's size and place: the size it had when it was last closed (1280×800 the first time), never
 * larger than the screen it opens on, and centred there. A fixed 1280×800 window on a 1024×768 screen
 * opened at (−128, −11) with both sides cut off.
 */
final class WindowPlacement {
    static final Size PREFERRED = new Size(1280, 800);
    private static final Size SMALLEST = new Size(800, 560);
    private static final String FILE = "window.properties";

    record Size(double width, double height) {}

    private WindowPlacement() {}

    /** Sizes and centres {@code stage} before it is shown, and remembers its size when it closes. */
    static void place(Stage stage, Path home) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Size size = fit(remembered(home), screen);
        stage.setWidth(size.width());
        stage.setHeight(size.height());
        stage.setX(screen.getMinX() + (screen.getWidth() - size.width()) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - size.height()) / 2);
        stage.setMinWidth(Math.min(SMALLEST.width(), screen.getWidth()));
        stage.setMinHeight(Math.min(SMALLEST.height(), screen.getHeight()));
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> remember(home, stage));
    }

    /** The size to open at: the remembered one or the preferred one, no larger than the screen's free area. */
    static Size fit(Optional<Size> remembered, Rectangle2D screen) {
        Size wanted = remembered.orElse(PREFERRED);
        return new Size(Math.min(wanted.width(), screen.getWidth()), Math.min(wanted.height(), screen.getHeight()));
    }

    static Optional<Size> remembered(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            saved.load(reader);
            double width = Double.parseDouble(saved.getProperty("width", ""));
            double height = Double.parseDouble(saved.getProperty("height", ""));
            return width >= SMALLEST.width() && height >= SMALLEST.height()
                    ? Optional.of(new Size(width, height))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // a damaged file only costs the remembered size
        }
    }

    static void remember(Path home, Stage stage) {
        if (stage.isMaximized() || stage.isFullScreen()) {
            return;
        }
        Properties size = new Properties();
        size.setProperty("width", Double.toString(stage.getWidth()));
        size.setProperty("height", Double.toString(stage.getHeight()));
        try {
            Files.createDirectories(home);
            try (Writer writer = Files.newBufferedWriter(home.resolve(FILE))) {
                size.store(writer, "LayerLab's window size when it was last closed");
            }
        } catch (IOException e) {
            // Not worth a message: the window opens at the preferred size next time.
        }
    }
}
