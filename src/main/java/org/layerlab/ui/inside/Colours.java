package org.layerlab.ui.inside;

/** The two colour scales of the Inside step, as ARGB numbers. */
final class Colours {
    static final int GAP = 0x00000000;

    private Colours() {}

    /**
     * Blue for negative, white for 0, red for positive, full at ±range: a weight's sign matters as much as
     * its size, so the scale is centred on 0.
     */
    static int diverging(float value, double range) {
        double t = range == 0 ? 0 : Math.max(-1, Math.min(1, value / range));
        int fade = (int) Math.round(255 * (1 - Math.abs(t)));
        return t >= 0 ? argb(255, fade, fade) : argb(fade, fade, 255);
    }

    /** Black at low, white at high. */
    static int grey(float value, double low, double high) {
        double t = high <= low ? 0 : Math.max(0, Math.min(1, (value - low) / (high - low)));
        int level = (int) Math.round(255 * t);
        return argb(level, level, level);
    }

    static int argb(int red, int green, int blue) {
        return 0xFF000000 | (red << 16) | (green << 8) | blue;
    }
}
