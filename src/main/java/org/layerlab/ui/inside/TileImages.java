package org.layerlab.ui.inside;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.layerlab.ui.common.ViewPart;

/**
 * Tiles as images enlarged by whole pixels (nearest neighbour): a 3 × 3 kernel stays nine sharp squares,
 * however the image is then drawn.
 */
@ViewPart
final class TileImages {

    private TileImages() {}

    static WritableImage of(PixelTile tile, int scale) {
        WritableImage image = new WritableImage(tile.width() * scale, tile.height() * scale);
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < tile.height() * scale; y++) {
            for (int x = 0; x < tile.width() * scale; x++) {
                writer.setArgb(x, y, tile.argb()[(y / scale) * tile.width() + x / scale]);
            }
        }
        return image;
    }

    /** The whole-pixel enlargement that brings a tile's longer side nearest to {@code size}, at least 1. */
    static int scaleFor(PixelTile tile, double size) {
        return Math.max(1, (int) Math.round(size / Math.max(tile.width(), tile.height())));
    }
}
