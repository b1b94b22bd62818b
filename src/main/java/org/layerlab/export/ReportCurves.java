package org.layerlab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.layerlab.core.training.TrainingEvent;

/**
 * The loss and accuracy curves of a run as one PNG, drawn with Java2D: two charts side by side, training
 * solid blue, validation dashed orange (the colours and dashes tell them apart without colour vision), the
 * best epoch ringed. Drawn at twice its layout size so that it stays sharp on high-resolution screens.
 */
final class ReportCurves {
    /** The size the report lays the picture out at, in CSS pixels. */
    static final int LAYOUT_WIDTH = 960;

    static final int LAYOUT_HEIGHT = 360;
    static final int SCALE = 2;
    /** The PNG's size in pixels. */
    static final int WIDTH = LAYOUT_WIDTH * SCALE;

    static final int HEIGHT = LAYOUT_HEIGHT * SCALE;

    static final Color TRAINING = new Color(0x0072B2);
    static final Color VALIDATION = new Color(0xD55E00);
    private static final Color TEXT = new Color(0x24292f);
    private static final Color MUTED = new Color(0x57606a);
    private static final Color GRID = new Color(0xd8dee4);
    private static final Color AXIS = new Color(0x8c959f);

    private static final int GAP = 40;
    private static final int PANEL_WIDTH = (LAYOUT_WIDTH - GAP) / 2;
    private static final int LEFT = 56;
    private static final int RIGHT = 18;
    private static final int TOP = 58;
    private static final int BOTTOM = 46;

    private ReportCurves() {}

    /** The PNG of these epochs; {@code bestEpoch} is ringed on the validation curves (0: none). */
    static byte[] png(List<TrainingEvent.EpochEnded> epochs, int bestEpoch) throws IOException {
        BufferedImage image = draw(epochs, bestEpoch);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("this Java has no PNG writer");
        }
        return bytes.toByteArray();
    }

    static BufferedImage draw(List<TrainingEvent.EpochEnded> epochs, int bestEpoch) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.scale(SCALE, SCALE);
            double maxLoss = 0;
            for (TrainingEvent.EpochEnded e : epochs) {
                maxLoss = Math.max(maxLoss, finite(e.trainLoss()));
                maxLoss = Math.max(maxLoss, finite(e.validationLoss()));
            }
            Axis lossAxis = Axis.from(0, maxLoss > 0 ? maxLoss : 1);
            panel(
                    g,
                    0,
                    "Loss",
                    "lower is better",
                    epochs,
                    bestEpoch,
                    lossAxis,
                    false,
                    TrainingEvent.EpochEnded::trainLoss,
                    TrainingEvent.EpochEnded::validationLoss);
            panel(
                    g,
                    PANEL_WIDTH + GAP,
                    "Accuracy",
                    "higher is better",
                    epochs,
                    bestEpoch,
                    new Axis(0, 1, 0.2),
                    true,
                    TrainingEvent.EpochEnded::trainAccuracy,
                    TrainingEvent.EpochEnded::validationAccuracy);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static void panel(
            Graphics2D g,
            int x0,
            String title,
            String hint,
            List<TrainingEvent.EpochEnded> epochs,
            int bestEpoch,
            Axis y,
            boolean percent,
            ToDoubleFunction<TrainingEvent.EpochEnded> train,
            ToDoubleFunction<TrainingEvent.EpochEnded> validation) {
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        int plotLeft = x0 + LEFT;
        int plotRight = x0 + PANEL_WIDTH - RIGHT;
        int plotTop = TOP;
        int plotBottom = LAYOUT_HEIGHT - BOTTOM;
        int last = epochs.isEmpty() ? 1 : epochs.get(epochs.size() - 1).epoch();
        int first = epochs.isEmpty() ? 1 : epochs.get(0).epoch();
        double xLow = first;
        double xHigh = last;
        if (xHigh - xLow < 1) {
            xLow -= 0.5;
            xHigh += 0.5;
        }
        Scale sx = new Scale(xLow, xHigh, plotLeft, plotRight);
        Scale sy = new Scale(y.low, y.high, plotBottom, plotTop);

        g.setFont(titleFont);
        g.setColor(TEXT);
        g.drawString(title, x0 + 4, 20);
        FontMetrics titleMetrics = g.getFontMetrics();
        g.setFont(small);
        g.setColor(MUTED);
        g.drawString("(" + hint + ")", x0 + 10 + titleMetrics.stringWidth(title), 20);
        legend(g, x0 + 4, 40, bestEpoch > 0);

        // grid and y labels
        g.setFont(small);
        FontMetrics metrics = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        int lines = (int) Math.round((y.high - y.low) / y.step);
        for (int i = 0; i <= lines; i++) {
            double v = y.low + i * y.step;
            float py = (float) sy.at(v);
            g.setColor(GRID);
            g.draw(new Line2D.Float(plotLeft, py, plotRight, py));
            String label = percent ? String.format(Locale.ROOT, "%.0f %%", v * 100) : Axis.label(v, y.step);
            g.setColor(MUTED);
            g.drawString(label, plotLeft - 6 - metrics.stringWidth(label), py + metrics.getAscent() / 2f - 1);
        }
        // x ticks: whole epochs, at most about ten labels
        int step = xStep(last - first + 1);
        for (int epoch = first; epoch <= last; epoch++) {
            boolean round = epoch % step == 0;
            boolean edge = (epoch == first && epoch + step / 2 < nextMultiple(epoch, step))
                    || (epoch == last && epoch - step / 2 > previousMultiple(epoch, step));
            if (!(round || edge || step == 1)) {
                continue;
            }
            float px = (float) sx.at(epoch);
            g.setColor(AXIS);
            g.draw(new Line2D.Float(px, plotBottom, px, plotBottom + 4));
            String label = Integer.toString(epoch);
            g.setColor(MUTED);
            g.drawString(label, px - metrics.stringWidth(label) / 2f, plotBottom + 6 + metrics.getAscent());
        }
        g.setColor(AXIS);
        g.draw(new Line2D.Float(plotLeft, plotBottom, plotRight, plotBottom));
        g.draw(new Line2D.Float(plotLeft, plotTop, plotLeft, plotBottom));
        String axisName = "epoch";
        g.setColor(MUTED);
        g.drawString(
                axisName,
                (plotLeft + plotRight) / 2f - metrics.stringWidth(axisName) / 2f,
                plotBottom + 22 + metrics.getAscent());

        boolean dots = epochs.size() <= 40;
        curve(g, epochs, train, sx, sy, TRAINING, solid(), dots);
        curve(g, epochs, validation, sx, sy, VALIDATION, dashed(), dots);
        for (TrainingEvent.EpochEnded e : epochs) {
            double v = validation.applyAsDouble(e);
            if (e.epoch() == bestEpoch && Double.isFinite(v)) {
                g.setColor(TEXT);
                g.setStroke(new BasicStroke(1.6f));
                g.draw(new Ellipse2D.Double(sx.at(e.epoch()) - 6.5, sy.at(y.clamp(v)) - 6.5, 13, 13));
            }
        }
    }

    private static Stroke solid() {
        return new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private static Stroke dashed() {
        return new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f);
    }

    private static void legend(Graphics2D g, int x, int baseline, boolean best) {
        FontMetrics metrics = g.getFontMetrics();
        int at = x;
        at = legendLine(g, at, baseline, TRAINING, solid(), "training", metrics);
        at = legendLine(g, at, baseline, VALIDATION, dashed(), "validation", metrics);
        if (best) {
            g.setColor(TEXT);
            g.setStroke(new BasicStroke(1.6f));
            g.draw(new Ellipse2D.Double(at + 4, baseline - 9.5, 11, 11));
            g.setColor(MUTED);
            g.drawString("best epoch", at + 20, baseline);
        }
    }

    private static int legendLine(
            Graphics2D g, int x, int baseline, Color colour, Stroke stroke, String name, FontMetrics metrics) {
        g.setColor(colour);
        g.setStroke(stroke);
        g.draw(new Line2D.Float(x, baseline - 4, x + 26, baseline - 4));
        g.setColor(MUTED);
        g.drawString(name, x + 32, baseline);
        return x + 32 + metrics.stringWidth(name) + 18;
    }

    /** A curve through the finite values; a missing value (no validation) breaks it. */
    private static void curve(
            Graphics2D g,
            List<TrainingEvent.EpochEnded> epochs,
            ToDoubleFunction<TrainingEvent.EpochEnded> measure,
            Scale sx,
            Scale sy,
            Color colour,
            Stroke stroke,
            boolean dots) {
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        g.setColor(colour);
        for (TrainingEvent.EpochEnded e : epochs) {
            double v = measure.applyAsDouble(e);
            if (!Double.isFinite(v)) {
                open = false;
                continue;
            }
            double px = sx.at(e.epoch());
            double py = sy.at(v);
            if (open) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                open = true;
            }
            if (dots) {
                g.fill(new Ellipse2D.Double(px - 2.6, py - 2.6, 5.2, 5.2));
            }
        }
        g.setStroke(stroke);
        g.draw(path);
    }

    private static int nextMultiple(int epoch, int step) {
        return (epoch / step + 1) * step;
    }

    private static int previousMultiple(int epoch, int step) {
        return epoch % step == 0 ? epoch - step : epoch / step * step;
    }

    /** At most about ten labelled epochs: every 1, 2, 5, 10, 20, 50 … */
    private static int xStep(int count) {
        int step = 1;
        int[] next = {2, 5, 10};
        int base = 1;
        int i = 0;
        while (count / step > 10) {
            step = base * next[i % 3];
            if (i % 3 == 2) {
                base *= 10;
            }
            i++;
        }
        return step;
    }

    /** A linear map from data values to picture coordinates. */
    private record Scale(double low, double high, double from, double to) {
        double at(double value) {
            return from + (value - low) / (high - low) * (to - from);
        }
    }

    /** A value axis from {@code low} to {@code high} with grid lines every {@code step}. */
    private record Axis(double low, double high, double step) {

        /** A range from {@code low} up to a round number at or above {@code max}, in 4–6 steps of 1, 2 or 5. */
        static Axis from(double low, double max) {
            double rough = (max - low) / 5;
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            double step;
            if (rough <= power) {
                step = power;
            } else if (rough <= 2 * power) {
                step = 2 * power;
            } else if (rough <= 5 * power) {
                step = 5 * power;
            } else {
                step = 10 * power;
            }
            return new Axis(low, low + Math.ceil((max - low) / step - 1e-9) * step, step);
        }

        double clamp(double value) {
            return Math.max(low, Math.min(high, value));
        }

        static String label(double value, double step) {
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
            return String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
    }
}
