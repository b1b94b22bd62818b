package org.layerlab.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.layerlab.core.data.ImagePreparation;
import org.layerlab.core.data.Preprocessing;

/** Reads one image file into planar (channels, height, width) bytes at a given size. */
public final class ImageFiles {
    private static final java.util.Set<String> EXTENSIONS = java.util.Set.of("png", "jpg", "jpeg", "gif", "bmp");

    /** The longest side an image is prepared at; larger ones are shrunk first. */
    static final int MAX_PREPARED_SIDE = 512;

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

    /**
     * Writes the image as the model's input bytes at {@code offset}: prepared as the model's MNIST-like
     * training images were made ({@link ImagePreparation}) when {@code prepare} is on and the model's images
     * are MNIST-like, else scaled as {@link #toBytes}. Returns what preparation did, empty when it did not.
     */
    public static Optional<ImagePreparation.Prepared> prepare(
            BufferedImage source, Preprocessing.Image model, boolean prepare, byte[] out, int offset) {
        Optional<ImagePreparation.Prepared> prepared = Optional.empty();
        if (prepare && model.digitLike()) {
            BufferedImage work = shrunk(source, MAX_PREPARED_SIDE);
            prepared = ImagePreparation.prepare(grey(work), work.getHeight(), work.getWidth(), model);
        }
        if (prepared.isPresent()) {
            byte[] pixels = prepared.get().pixels();
            System.arraycopy(pixels, 0, out, offset, pixels.length);
        } else {
            toBytes(source, model.channels(), model.height(), model.width(), out, offset);
        }
        return prepared;
    }

    /**
     * A large photo is first shrunk, its aspect ratio kept, so that its longer side is at most {@code side}:
     * a digit needs no more to be cropped into a 20 × 20 box, and preparing it then takes little memory.
     */
    private static BufferedImage shrunk(BufferedImage source, int side) {
        int longer = Math.max(source.getWidth(), source.getHeight());
        if (longer <= side) {
            return source;
        }
        double scale = (double) side / longer;
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(source.getScaledInstance(width, height, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return scaled;
    }

    /** The image's grey levels at its own size, row by row, 0 black to 1 white (transparent counts as white). */
    public static float[] grey(BufferedImage image) {
        int height = image.getHeight();
        int width = image.getWidth();
        float[] grey = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                float alpha = ((argb >>> 24) & 0xFF) / 255f;
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                float level = (float) ((0.299 * r + 0.587 * g + 0.114 * b) / 255);
                grey[y * width + x] = alpha * level + (1 - alpha);
            }
        }
        return grey;
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
