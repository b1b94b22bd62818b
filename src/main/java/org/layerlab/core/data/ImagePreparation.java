package org.layerlab.core.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Prepares a new image the way a model's MNIST-like training images were made, so that a digit written
 * dark on white paper, or photographed larger and off-centre, reaches the network as its training digits
 * did: a light background is inverted, faint noise is dropped, the ink is cropped to its bounding box,
 * scaled to fit the training images' content box with its aspect ratio kept, and centred by mass. Shared by
 * the Try-it view, {@code predict}, {@code evaluate} and the HTTP service.
 */
public final class ImagePreparation {
    /** Above this (of full white) a background is light: the image is inverted. */
    private static final float LIGHT = 0.5f;

    /** Noise is at most this much (of full white) above the border's 98th percentile. */
    private static final float NOISE_MARGIN = 0.05f;

    private ImagePreparation() {}

    /**
     * The prepared image (bytes 0–255, row by row, the model's size), whether it was inverted, whether its
     * ink was cropped, scaled and centred (not when it was already framed as the training images), and one
     * line saying what was done.
     */
    public record Prepared(byte[] pixels, boolean inverted, boolean cropped, String note) {}

    /**
     * Prepares grey {@code pixels} (row by row, 0 black to 1 white, at the input's own height × width) for a
     * model whose images are {@code model}; empty when the model's images are not MNIST-like (the input is
     * then only resized) or the input has no ink.
     */
    public static Optional<Prepared> prepare(float[] pixels, int height, int width, Preprocessing.Image model) {
        if (!model.digitLike()) {
            return Optional.empty();
        }
        if (pixels.length != height * width) {
            throw new IllegalArgumentException(
                    pixels.length + " pixels do not make a " + height + " × " + width + " image");
        }
        float[] border = border(pixels, height, width);
        Arrays.sort(border);
        float background = border[border.length / 2];
        boolean inverted = background > LIGHT;
        float[] ink = new float[pixels.length];
        float base = inverted ? 1 - background : background;
        float peak = 0;
        for (int i = 0; i < pixels.length; i++) {
            float v = inverted ? 1 - pixels[i] : pixels[i];
            ink[i] = Math.max(0, v - base);
            peak = Math.max(peak, ink[i]);
        }
        if (peak <= 0) {
            return Optional.empty();
        }
        // Stretch the ink to full white, as MNIST's strokes are, and measure the noise on the border.
        float[] borderInk = new float[border.length];
        for (int i = 0; i < border.length; i++) {
            float v = inverted ? 1 - border[i] : border[i];
            borderInk[i] = Math.max(0, v - base) / peak;
        }
        Arrays.sort(borderInk);
        float noise = borderInk[(int) (borderInk.length * 0.98)] + NOISE_MARGIN;
        float threshold = Math.max(DigitCentring.INK, noise);
        for (int i = 0; i < ink.length; i++) {
            ink[i] /= peak;
        }
        float[] clean = new float[ink.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = ink[y * width + x];
                if (v >= threshold && hasInkedNeighbour(ink, height, width, y, x, threshold)) {
                    clean[y * width + x] = v;
                }
            }
        }
        ContentFrame frame = model.frame();
        if (alreadyFramed(clean, height, width, model)) {
            // Already as the training images were (an MNIST digit, perhaps inverted): cropping and scaling it
            // again would only blur it.
            byte[] kept = new byte[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                float v = inverted ? 1 - pixels[i] : pixels[i];
                kept[i] = (byte) Math.round(Math.max(0, Math.min(1, v)) * 255);
            }
            String size = String.format(Locale.ROOT, "%d×%d", width, height);
            return Optional.of(new Prepared(
                    kept,
                    inverted,
                    false,
                    (inverted ? "inverted, " : "") + "already " + size + " with the ink centred in its box, kept"));
        }
        return DigitCentring.centre(
                        clean, height, width, model.height(), model.width(), frame.boxHeight(), frame.boxWidth())
                .map(c -> new Prepared(
                        c.pixels(),
                        inverted,
                        true,
                        String.format(
                                Locale.ROOT,
                                "%scropped %d×%d → %d×%d, centred",
                                inverted ? "inverted, " : "",
                                c.inkWidth(),
                                c.inkHeight(),
                                c.width(),
                                c.height())));
    }

    /**
     * Whether an input of the model's size already holds its ink within the training images' box, centred by
     * mass to within a pixel and a half.
     */
    private static boolean alreadyFramed(float[] ink, int height, int width, Preprocessing.Image model) {
        if (height != model.height() || width != model.width()) {
            return false;
        }
        InkMeasure measured = InkMeasure.of(ink, height, width, Float.MIN_VALUE);
        return measured.found()
                && measured.height() <= model.frame().boxHeight()
                && measured.width() <= model.frame().boxWidth()
                && measured.offCentre(height, width) <= 1.5;
    }

    /** A lone bright pixel is a speck of noise, not ink. */
    private static boolean hasInkedNeighbour(float[] ink, int height, int width, int y, int x, float threshold) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int ny = y + dy;
                int nx = x + dx;
                if ((dy != 0 || dx != 0) && ny >= 0 && ny < height && nx >= 0 && nx < width) {
                    if (ink[ny * width + nx] >= threshold) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static float[] border(float[] pixels, int height, int width) {
        if (height < 3 || width < 3) {
            return pixels.clone();
        }
        float[] border = new float[2 * width + 2 * (height - 2)];
        int at = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (y == 0 || y == height - 1 || x == 0 || x == width - 1) {
                    border[at++] = pixels[y * width + x];
                }
            }
        }
        return border;
    }
}
