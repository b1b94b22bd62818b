package org.layerlab.core.data;

import java.util.Optional;

/**
 * Prepares a drawing the way MNIST's digits were prepared: the ink (white on black) is cut out, scaled to
 * fit a 20 × 20 box with its aspect ratio kept, and pasted into a black 28 × 28 image so that its centre of
 * mass is in the middle. Other target sizes keep the same proportion (the box is 20/28 of each side). A
 * network trained on MNIST only knows digits of that size and place, so a drawing prepared otherwise is
 * often misread.
 */
public final class DigitCentring {
    /** Pixels fainter than this (of full white) are noise, not ink: they neither count nor widen the box. */
    public static final float INK = 0.1f;

    private static final double BOX_SHARE = 20.0 / 28.0;

    private DigitCentring() {}

    /**
     * Centres grey {@code pixels} (row by row, 0 black to 1 white) of the given size into a {@code
     * targetHeight} × {@code targetWidth} image of bytes (0–255); empty when nothing is drawn.
     */
    public static Optional<byte[]> centre(float[] pixels, int height, int width, int targetHeight, int targetWidth) {
        int boxHeight = Math.max(1, (int) Math.round(targetHeight * BOX_SHARE));
        int boxWidth = Math.max(1, (int) Math.round(targetWidth * BOX_SHARE));
        return centre(pixels, height, width, targetHeight, targetWidth, boxHeight, boxWidth)
                .map(Centred::pixels);
    }

    /**
     * A centred image (bytes 0–255, row by row), the size of the ink that was cut out ({@code inkHeight} ×
     * {@code inkWidth}) and the size it was scaled to ({@code height} × {@code width}).
     */
    public record Centred(byte[] pixels, int inkHeight, int inkWidth, int height, int width) {}

    /**
     * Centres grey {@code pixels} as above, the ink scaled to fit a {@code boxHeight} × {@code boxWidth} box
     * (the box the training images' content fills); empty when there is no ink.
     */
    public static Optional<Centred> centre(
            float[] pixels, int height, int width, int targetHeight, int targetWidth, int boxHeight, int boxWidth) {
        if (pixels.length != height * width) {
            throw new IllegalArgumentException(
                    pixels.length + " pixels do not make a " + height + " × " + width + " image");
        }
        InkMeasure measured = InkMeasure.of(pixels, height, width, INK);
        if (!measured.found()) {
            return Optional.empty();
        }
        int top = measured.top();
        int left = measured.left();
        int inkHeight = measured.height();
        int inkWidth = measured.width();
        float[] ink = new float[inkHeight * inkWidth];
        for (int y = 0; y < inkHeight; y++) {
            for (int x = 0; x < inkWidth; x++) {
                float v = pixels[(top + y) * width + left + x];
                ink[y * inkWidth + x] = v >= INK ? Math.min(v, 1f) : 0f;
            }
        }
        double scale = Math.min((double) boxHeight / inkHeight, (double) boxWidth / inkWidth);
        int h = clamp((int) Math.round(inkHeight * scale), boxHeight);
        int w = clamp((int) Math.round(inkWidth * scale), boxWidth);
        float[] scaled = resize(ink, inkHeight, inkWidth, h, w);
        return Optional.of(new Centred(paste(scaled, h, w, targetHeight, targetWidth), inkHeight, inkWidth, h, w));
    }

    /** The same for bytes (0–255, row by row). */
    public static Optional<byte[]> centre(byte[] pixels, int height, int width, int targetHeight, int targetWidth) {
        float[] grey = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            grey[i] = (pixels[i] & 0xFF) / 255f;
        }
        return centre(grey, height, width, targetHeight, targetWidth);
    }

    private static int clamp(int size, int box) {
        return Math.max(1, Math.min(size, box));
    }

    /** Area averaging when shrinking (strokes keep their grey edges, as MNIST's do), bilinear when growing. */
    static float[] resize(float[] source, int height, int width, int toHeight, int toWidth) {
        float[] out = new float[toHeight * toWidth];
        double sy = (double) height / toHeight;
        double sx = (double) width / toWidth;
        for (int y = 0; y < toHeight; y++) {
            for (int x = 0; x < toWidth; x++) {
                out[y * toWidth + x] = sy >= 1 && sx >= 1
                        ? area(source, height, width, y * sy, (y + 1) * sy, x * sx, (x + 1) * sx)
                        : bilinear(source, height, width, (y + 0.5) * sy - 0.5, (x + 0.5) * sx - 0.5);
            }
        }
        return out;
    }

    private static float area(float[] source, int height, int width, double y0, double y1, double x0, double x1) {
        double sum = 0;
        int yEnd = Math.min(height, (int) Math.ceil(y1));
        int xEnd = Math.min(width, (int) Math.ceil(x1));
        for (int y = (int) y0; y < yEnd; y++) {
            double wy = Math.min(y + 1, y1) - Math.max(y, y0);
            for (int x = (int) x0; x < xEnd; x++) {
                double wx = Math.min(x + 1, x1) - Math.max(x, x0);
                sum += wy * wx * source[y * width + x];
            }
        }
        return (float) (sum / ((y1 - y0) * (x1 - x0)));
    }

    private static float bilinear(float[] source, int height, int width, double y, double x) {
        double cy = Math.max(0, Math.min(height - 1, y));
        double cx = Math.max(0, Math.min(width - 1, x));
        int y0 = (int) cy;
        int x0 = (int) cx;
        int y1 = Math.min(y0 + 1, height - 1);
        int x1 = Math.min(x0 + 1, width - 1);
        double fy = cy - y0;
        double fx = cx - x0;
        double top = source[y0 * width + x0] * (1 - fx) + source[y0 * width + x1] * fx;
        double bottom = source[y1 * width + x0] * (1 - fx) + source[y1 * width + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    /**
     * Pastes the content so that its centre of mass falls on the middle of the target, to the nearest whole
     * pixel (as MNIST did); ink that the shift moves past an edge is cut off.
     */
    private static byte[] paste(float[] content, int h, int w, int targetHeight, int targetWidth) {
        double mass = 0;
        double my = 0;
        double mx = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = content[y * w + x];
                mass += v;
                my += v * (y + 0.5);
                mx += v * (x + 0.5);
            }
        }
        int dy = (int) Math.round(targetHeight / 2.0 - my / mass);
        int dx = (int) Math.round(targetWidth / 2.0 - mx / mass);
        byte[] out = new byte[targetHeight * targetWidth];
        for (int y = 0; y < h; y++) {
            int ty = y + dy;
            if (ty < 0 || ty >= targetHeight) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                int tx = x + dx;
                if (tx >= 0 && tx < targetWidth) {
                    out[ty * targetWidth + tx] = (byte) Math.round(Math.min(1f, content[y * w + x]) * 255);
                }
            }
        }
        return out;
    }
}
