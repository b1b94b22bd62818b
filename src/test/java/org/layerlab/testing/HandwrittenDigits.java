package org.layerlab.testing;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.layerlab.data.DataLoadException;
import org.layerlab.data.IdxReader;

/**
 * MNIST test digits and the same digits the way a student brings them: dark ink on white paper (inverted),
 * and a larger photo-like image (the digit scaled up, off-centre on a light, slightly noisy background).
 */
public final class HandwrittenDigits {
    /** The kinds of image written for each digit. */
    public enum Kind {
        PLAIN,
        INVERTED,
        PHOTO
    }

    /** One 28 × 28 MNIST digit (bytes, white on black) and its label. */
    public record Digit(byte[] pixels, int label) {}

    private static final Path MNIST = Path.of("sample-data", "mnist");

    private HandwrittenDigits() {}

    /** The first {@code count} digits of MNIST's test set. */
    public static List<Digit> mnistTest(int count) throws DataLoadException {
        IdxReader.IdxArray images = IdxReader.read(MNIST.resolve("t10k-images-idx3-ubyte.gz"), 3);
        IdxReader.IdxArray labels = IdxReader.read(MNIST.resolve("t10k-labels-idx1-ubyte.gz"), 1);
        List<Digit> digits = new ArrayList<>();
        int size = images.itemSize();
        for (int i = 0; i < count; i++) {
            byte[] pixels = new byte[size];
            System.arraycopy(images.data(), i * size, pixels, 0, size);
            digits.add(new Digit(pixels, labels.data()[i] & 0xFF));
        }
        return digits;
    }

    /** The digit as {@code kind}; {@code random} places and blurs the photo-like one. */
    public static BufferedImage image(Digit digit, Kind kind, Random random) {
        return switch (kind) {
            case PLAIN -> grey(digit.pixels(), 28, 28, false);
            case INVERTED -> grey(digit.pixels(), 28, 28, true);
            case PHOTO -> photo(digit.pixels(), random);
        };
    }

    /** Writes each digit as {@code kind} into {@code folder}/label/index.png (a folder of class folders). */
    public static Path write(List<Digit> digits, Kind kind, Path folder, long seed) throws IOException {
        Random random = new Random(seed);
        for (int i = 0; i < digits.size(); i++) {
            Digit digit = digits.get(i);
            Path file = folder.resolve(Integer.toString(digit.label())).resolve(String.format("%03d.png", i));
            Files.createDirectories(file.getParent());
            ImageIO.write(image(digit, kind, random), "png", file.toFile());
        }
        return folder;
    }

    private static BufferedImage grey(byte[] pixels, int height, int width, boolean invert) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = pixels[y * width + x] & 0xFF;
                int g = invert ? 255 - v : v;
                image.setRGB(x, y, 0xFF000000 | g << 16 | g << 8 | g);
            }
        }
        return image;
    }

    /**
     * A 120 × 120 light page (grey 215 with noise) with the digit scaled three times (84 × 84) in dark ink,
     * placed anywhere on it, so that it is larger and off-centre.
     */
    private static BufferedImage photo(byte[] pixels, Random random) {
        BufferedImage big = new BufferedImage(84, 84, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(grey(pixels, 28, 28, false), 0, 0, 84, 84, null);
        g.dispose();
        int size = 120;
        int top = random.nextInt(size - 84 + 1);
        int left = random.nextInt(size - 84 + 1);
        BufferedImage page = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        int paper = 215;
        int ink = 40;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double level = paper;
                int by = y - top;
                int bx = x - left;
                if (by >= 0 && by < 84 && bx >= 0 && bx < 84) {
                    double v = (big.getRGB(bx, by) & 0xFF) / 255.0;
                    level = paper - v * (paper - ink);
                }
                int grey = (int) Math.max(0, Math.min(255, Math.round(level + random.nextGaussian() * 8)));
                page.setRGB(x, y, 0xFF000000 | grey << 16 | grey << 8 | grey);
            }
        }
        return page;
    }
}
