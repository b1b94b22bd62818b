package org.layerlab.ui.common;

import java.util.Arrays;
import java.util.Optional;
import org.layerlab.core.data.DigitCentring;
import org.layerlab.core.data.Preprocessing;

/**
 * What the student drew on a {@link SketchCanvas}, kept as numbers so that it is prepared for the model (and
 * tested) without the screen. Grey models get white ink on black, as MNIST's digits are; colour models a
 * pen of any colour on white. The canvas is a whole multiple of the model's input size.
 */
public final class Sketch {
    /** The canvas is about this many pixels on its long side. */
    static final int CANVAS = 280;

    private final Preprocessing.Image input;
    private final int scale;
    private final int height;
    private final int width;
    private final double brush;
    private final float[] pixels;
    private final float[] ink = {1f, 1f, 1f};
    private boolean empty = true;

    public Sketch(Preprocessing.Image input) {
        this.input = input;
        this.scale = Math.max(1, CANVAS / Math.max(input.height(), input.width()));
        this.height = input.height() * scale;
        this.width = input.width() * scale;
        // A digit drawn across most of the canvas then has MNIST's strokes of about 2 pixels in 28.
        this.brush = grey() ? Math.max(height, width) * 0.08 : Math.max(3, Math.max(height, width) * 0.04);
        this.pixels = new float[input.channels() * height * width];
        if (!grey()) {
            Arrays.fill(pixels, 1f);
            Arrays.fill(ink, 0f);
        }
    }

    /** The model's input size, which {@link #prepare} produces. */
    public Preprocessing.Image input() {
        return input;
    }

    public boolean grey() {
        return input.channels() == 1;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The pen's width in canvas pixels. */
    public double brush() {
        return brush;
    }

    public boolean isEmpty() {
        return empty;
    }

    /** Sets the colour of the pen of a colour sketch (each part 0 to 1). */
    public void ink(double red, double green, double blue) {
        if (!grey()) {
            ink[0] = (float) red;
            ink[1] = (float) green;
            ink[2] = (float) blue;
        }
    }

    /** Draws a straight piece of stroke with round ends; a dot when both ends are the same point. */
    public void line(double x0, double y0, double x1, double y1) {
        double r = brush / 2;
        int top = Math.max(0, (int) Math.floor(Math.min(y0, y1) - r - 1));
        int bottom = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y1) + r + 1));
        int left = Math.max(0, (int) Math.floor(Math.min(x0, x1) - r - 1));
        int right = Math.min(width - 1, (int) Math.ceil(Math.max(x0, x1) + r + 1));
        int plane = height * width;
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                double coverage = Math.min(1, r + 0.5 - distance(x + 0.5, y + 0.5, x0, y0, x1, y1));
                if (coverage <= 0) {
                    continue;
                }
                empty = false;
                int at = y * width + x;
                if (grey()) {
                    pixels[at] = Math.max(pixels[at], (float) coverage);
                } else if (coverage >= 0.5) {
                    // Colour strokes have hard edges: blending a pen over itself would darken its rim.
                    for (int c = 0; c < 3; c++) {
                        pixels[at + c * plane] = ink[c];
                    }
                }
            }
        }
    }

    private static double distance(double px, double py, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / length));
        return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
    }

    /** A copy of the drawing as it is now, for work on another thread. */
    public Drawing copy() {
        return new Drawing(pixels.clone(), empty);
    }

    /** The pixels of a drawing (planar: channel, row, column; 0 to 1) and whether anything was drawn. */
    public record Drawing(float[] pixels, boolean empty) {}

    /**
     * Turns a copy of the drawing into the model's input bytes: a grey drawing centred as MNIST's digits
     * were, a colour one shrunk to the model's size. Empty when nothing is drawn.
     */
    public Optional<byte[]> prepare(Drawing copy) {
        if (copy.empty()) {
            return Optional.empty();
        }
        float[] drawing = copy.pixels();
        if (grey()) {
            return DigitCentring.centre(drawing, height, width, input.height(), input.width());
        }
        int plane = input.height() * input.width();
        byte[] out = new byte[input.channels() * plane];
        float share = 1f / (scale * scale);
        for (int c = 0; c < input.channels(); c++) {
            for (int y = 0; y < input.height(); y++) {
                for (int x = 0; x < input.width(); x++) {
                    float sum = 0;
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            sum += drawing[c * height * width + (y * scale + dy) * width + x * scale + dx];
                        }
                    }
                    out[c * plane + y * input.width() + x] = (byte) Math.round(sum * share * 255);
                }
            }
        }
        return Optional.of(out);
    }
}
