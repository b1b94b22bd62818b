package org.layerlab.ui.common;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** Pixels as LayerLab keeps them (bytes 0–255, channels × height × width; one channel is grey) as a picture. */
@ViewPart
public final class Pictures {

    private Pictures() {}

    public static WritableImage of(byte[] pixels, int channels, int height, int width) {
        WritableImage image = new WritableImage(width, height);
        PixelWriter writer = image.getPixelWriter();
        int plane = width * height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = y * width + x;
                int r = pixels[at] & 0xFF;
                int g = channels == 3 ? pixels[at + plane] & 0xFF : r;
                int b = channels == 3 ? pixels[at + 2 * plane] & 0xFF : r;
                writer.setArgb(x, y, 0xFF000000 | (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }
}
