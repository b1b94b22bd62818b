package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Saves a node as it is drawn to target/screenshots/NAME.png, to be looked at, and checks it is a real picture. */
final class Snapshots {

    private Snapshots() {}

    static void save(FxRobot robot, Node node, String name, long minimumBytes) throws Exception {
        Path folder = Path.of(System.getProperty("layerlab.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        robot.interact(() -> {
            WritableImage image = node.snapshot(null, null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(file) > minimumBytes, name + " is a real picture");
    }
}
