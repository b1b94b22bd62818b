package org.layerlab.core.data;

/**
 * Where the ink of one grey picture is: the bounding box of the values at or above a threshold, and the
 * centre of mass of every positive value (rows and columns measured from the top left, pixel centres at
 * +0.5). One measurement for drawing, preparing and measuring training images alike. {@code bottom} is -1
 * when no value reaches the threshold.
 */
record InkMeasure(int top, int bottom, int left, int right, double massY, double massX) {

    static InkMeasure of(float[] levels, int height, int width, float threshold) {
        int top = height;
        int bottom = -1;
        int left = width;
        int right = -1;
        double mass = 0;
        double my = 0;
        double mx = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = levels[y * width + x];
                if (v >= threshold) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
                if (v > 0) {
                    mass += v;
                    my += v * (y + 0.5);
                    mx += v * (x + 0.5);
                }
            }
        }
        return mass > 0
                ? new InkMeasure(top, bottom, left, right, my / mass, mx / mass)
                : new InkMeasure(top, bottom, left, right, Double.NaN, Double.NaN);
    }

    boolean found() {
        return bottom >= 0;
    }

    int height() {
        return bottom - top + 1;
    }

    int width() {
        return right - left + 1;
    }

    /** How far the centre of mass lies from the middle of a {@code height} × {@code width} picture. */
    double offCentre(int height, int width) {
        return Math.hypot(massY - height / 2.0, massX - width / 2.0);
    }
}
