package org.layerlab.core.data;

import java.util.Arrays;

/**
 * How the training images hold their content, measured once from the training data and saved with a model:
 * the background level (0–255, the median of the images' border pixels), the box the ink typically fills
 * (the median of each image's ink bounding box, its longer side) and whether the ink is centred by mass.
 * MNIST measures background 0, box 20 × 20, centred: a new input is then prepared the same way.
 */
public record ContentFrame(int background, int boxHeight, int boxWidth, boolean centred) {
    /** Not measured (a model saved before LayerLab measured it, or colour images): inputs are only resized. */
    public static final ContentFrame UNMEASURED = new ContentFrame(-1, 0, 0, false);

    /** Darker than this (of 255) is a dark background. */
    static final int DARK = 32;

    /** The most training images measured: enough for a median, few enough to take no time. */
    private static final int MAX_MEASURED = 2000;

    public boolean measured() {
        return background >= 0;
    }

    /**
     * MNIST-like: grey images on a dark background whose ink sits centred in a box smaller than the image, so
     * that a new input is best prepared by cropping its ink and centring it in that box.
     */
    public boolean digitLike(int channels, int height, int width) {
        return measured()
                && channels == 1
                && background < DARK
                && centred
                && boxHeight > 0
                && boxWidth > 0
                && boxHeight < height
                && boxWidth < width;
    }

    /**
     * Measures grey training images ({@code data} holds {@code count} images of height × width bytes, one
     * after another); UNMEASURED when there are none or they are not grey.
     */
    public static ContentFrame measure(byte[] data, int channels, int height, int width) {
        int size = height * width;
        int count = size == 0 ? 0 : data.length / (channels * size);
        if (channels != 1 || count == 0 || height < 3 || width < 3) {
            return UNMEASURED;
        }
        int step = Math.max(1, count / MAX_MEASURED);
        int measured = (count + step - 1) / step;
        int border = 2 * width + 2 * (height - 2);
        int[] borders = new int[measured * border];
        int[] sides = new int[measured];
        double offCentre = 0;
        int inked = 0;
        int at = 0;
        for (int i = 0; i < count; i += step) {
            int offset = i * size;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (y == 0 || y == height - 1 || x == 0 || x == width - 1) {
                        borders[at++] = data[offset + y * width + x] & 0xFF;
                    }
                }
            }
        }
        Arrays.sort(borders);
        int background = borders[borders.length / 2];
        int ink = background + Math.round(DigitCentring.INK * 255);
        boolean dark = background < DARK;
        float[] levels = new float[size];
        for (int i = 0; i < count; i += step) {
            int offset = i * size;
            for (int p = 0; p < size; p++) {
                int v = data[offset + p] & 0xFF;
                levels[p] = dark ? v - background : background - v;
            }
            InkMeasure found = InkMeasure.of(levels, height, width, ink - background);
            if (found.found() && !Double.isNaN(found.massY())) {
                sides[inked++] = Math.max(found.height(), found.width());
                offCentre += found.offCentre(height, width);
            }
        }
        if (inked == 0) {
            return new ContentFrame(background, 0, 0, false);
        }
        int[] found = Arrays.copyOf(sides, inked);
        Arrays.sort(found);
        int side = found[inked / 2];
        // Centred by mass: on average within a pixel and a half of the middle (MNIST: under half a pixel).
        boolean centred = offCentre / inked <= 1.5;
        return new ContentFrame(background, Math.min(side, height), Math.min(side, width), centred);
    }
}
