package org.layerlab.ui.inside;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** One parameter tensor's histogram: before training in grey, after in blue, drawn over each other. */
final class HistogramChart extends VBox {
    static final Color BEFORE = Color.rgb(120, 120, 120, 0.45);
    static final Color AFTER = Color.rgb(31, 111, 235, 0.6);
    private static final double WIDTH = 290;
    private static final double PLOT_HEIGHT = 80;
    private static final double AXIS = 16;

    HistogramChart(WeightDistribution distribution) {
        Label title = new Label(distribution.title());
        title.getStyleClass().add("text-small");
        title.setWrapText(true);
        title.setMaxWidth(WIDTH);
        Canvas canvas = new Canvas(WIDTH, PLOT_HEIGHT + AXIS);
        draw(canvas.getGraphicsContext2D(), distribution);
        getChildren().addAll(title, canvas);
        setSpacing(2);
        getStyleClass().add("weight-histogram");
    }

    private static void draw(GraphicsContext g, WeightDistribution distribution) {
        Histogram after = distribution.after();
        Histogram before = distribution.before();
        // One height scale for both, so that a distribution that spreads out visibly flattens.
        int largest = Math.max(after.largest(), before == null ? 0 : before.largest());
        if (before != null) {
            bars(g, before, largest, BEFORE);
        }
        bars(g, after, largest, AFTER);
        g.setStroke(Color.GRAY);
        g.strokeLine(0, PLOT_HEIGHT + 0.5, WIDTH, PLOT_HEIGHT + 0.5);
        g.setFill(Color.rgb(90, 90, 90));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(number(after.low()), 0, PLOT_HEIGHT + 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(number(after.high()), WIDTH, PLOT_HEIGHT + 2);
        if (after.low() < 0 && after.high() > 0) {
            double zero = WIDTH * -after.low() / (after.high() - after.low());
            g.strokeLine(zero + 0.5, PLOT_HEIGHT, zero + 0.5, PLOT_HEIGHT + 4);
            g.setTextAlign(TextAlignment.CENTER);
            if (zero > 40 && zero < WIDTH - 40) {
                g.fillText("0", zero, PLOT_HEIGHT + 2);
            }
        }
    }

    private static void bars(GraphicsContext g, Histogram histogram, int largest, Color colour) {
        int[] counts = histogram.counts();
        double width = WIDTH / counts.length;
        g.setFill(colour);
        for (int i = 0; i < counts.length; i++) {
            double height = largest == 0 ? 0 : PLOT_HEIGHT * counts[i] / largest;
            g.fillRect(i * width, PLOT_HEIGHT - height, width - 1, height);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
