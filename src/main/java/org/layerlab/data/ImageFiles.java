package org.layerlab.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Reads one image file into planar (channels, height, width) bytes at a given size. */
public final class ImageFiles {
    private static final java.util.Set<String> EXTENSIONS = java.util.Set.of("png", "jpg", "jpeg", "gif", "bmp");

    private ImageFiles() {}

    public static boolean looksLikeImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    public static BufferedImage read(Path file) throws DataLoadException {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new DataLoadException(file + ": is not an image LayerLab can read (PNG, JPEG, GIF or BMP); "
                        + "remove it or convert it.");
            }
            return image;
        } catch (IOException e) {
            throw new DataLoadException(
                    file + ": cannot be read as an image (" + e.getMessage() + "); remove it " + "or replace it.", e);
        }
    }

    /** Scales the image to width × height and writes it as bytes, grey (1 channel) or RGB (3 channels). */
    public static void toBytes(BufferedImage source, int channels, int height, int width, byte[] out, int offset) {
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = scaled.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int gr = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                int at = offset + y * width + x;
                if (channels == 1) {
                    out[at] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
                } else {
                    out[at] = (byte) r;
                    out[at + plane] = (byte) gr;
                    out[at + 2 * plane] = (byte) b;
                }
            }
        }
    }
}
