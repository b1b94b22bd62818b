package org.layerlab.ui.common;

import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The surface the student draws on with the mouse (on Try it and Inside). It paints what the {@link Sketch} records, stroke piece
 * by stroke piece, and hands each piece to {@code onStroke}, which draws it into the sketch.
 */
public final class SketchCanvas extends Canvas {

    /** Receives each piece of stroke, in canvas pixels. */
    @FunctionalInterface
    public interface StrokeListener {
        void stroke(double x0, double y0, double x1, double y1);
    }

    private final StrokeListener onStroke;
    private Sketch sketch;
    private Color ink = Color.WHITE;
    private double lastX;
    private double lastY;

    public SketchCanvas(StrokeListener onStroke) {
        this.onStroke = onStroke;
        setCursor(Cursor.CROSSHAIR);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && sketch != null) {
                lastX = e.getX();
                lastY = e.getY();
                piece(lastX, lastY, lastX, lastY);
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.isPrimaryButtonDown() && sketch != null) {
                piece(lastX, lastY, e.getX(), e.getY());
                lastX = e.getX();
                lastY = e.getY();
            }
        });
    }

    /** This canvas in a thin frame of its own size, as the drawing screens place it. */
    public StackPane framed() {
        StackPane frame = new StackPane(this);
        frame.getStyleClass().add("thin-frame");
        frame.setMaxSize(StackPane.USE_PREF_SIZE, StackPane.USE_PREF_SIZE);
        return frame;
    }

    /** Shows a (new, empty) sketch: the canvas takes its size and background. */
    public void show(Sketch shown) {
        sketch = shown;
        if (shown == null) {
            setWidth(0);
            setHeight(0);
            return;
        }
        setWidth(shown.width());
        setHeight(shown.height());
        if (shown.grey()) {
            ink = Color.WHITE;
        }
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(shown.grey() ? Color.BLACK : Color.WHITE);
        g.fillRect(0, 0, getWidth(), getHeight());
    }

    /** The pen colour of a colour sketch. */
    public void ink(Color colour) {
        if (sketch != null && !sketch.grey()) {
            ink = colour;
        }
    }

    private void piece(double x0, double y0, double x1, double y1) {
        GraphicsContext g = getGraphicsContext2D();
        if (x0 == x1 && y0 == y1) {
            double r = sketch.brush() / 2;
            g.setFill(ink);
            g.fillOval(x0 - r, y0 - r, 2 * r, 2 * r);
        } else {
            g.setStroke(ink);
            g.setLineWidth(sketch.brush());
            g.setLineCap(StrokeLineCap.ROUND);
            g.setLineJoin(StrokeLineJoin.ROUND);
            g.strokeLine(x0, y0, x1, y1);
        }
        onStroke.stroke(x0, y0, x1, y1);
    }
}
