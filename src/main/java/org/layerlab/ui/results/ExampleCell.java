package org.layerlab.ui.results;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** One example in the list: a thumbnail or the text of the sample, what it is, and what the model said. */
final class ExampleCell extends ListCell<ExampleItem> {
    private static final double THUMBNAIL = 56;

    @Override
    protected void updateItem(ExampleItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        Label verdict = new Label((item.correct() ? "✓ " : "✗ ")
                + item.trueClass()
                + (item.correct() ? "" : " → predicted " + item.predictedClass()));
        verdict.getStyleClass().add(item.correct() ? "example-right" : "example-wrong");
        Label top = new Label(item.topProbabilities());
        top.getStyleClass().add("text-muted");
        VBox words = new VBox(2, verdict, top);
        if (item.text() != null) {
            Label text = new Label(item.text());
            text.setWrapText(true);
            text.setMaxWidth(420);
            words.getChildren().add(text);
        }
        HBox row = new HBox(10);
        if (item.pixels() != null) {
            ImageView view = new ImageView(image(item.pixels(), item.shape()));
            view.setFitWidth(THUMBNAIL);
            view.setFitHeight(THUMBNAIL);
            view.setPreserveRatio(true);
            view.setSmooth(false);
            row.getChildren().add(view);
        }
        row.getChildren().add(words);
        setGraphic(row);
        setText(null);
    }

    /** Pixels in [0, 1], channels × height × width, as a picture (one channel is grey). */
    static WritableImage image(float[] pixels, int[] shape) {
        int channels = shape[0];
        int height = shape[1];
        int width = shape[2];
        WritableImage image = new WritableImage(width, height);
        PixelWriter writer = image.getPixelWriter();
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = y * width + x;
                double r = clamp(pixels[at]);
                double g = channels == 3 ? clamp(pixels[plane + at]) : r;
                double b = channels == 3 ? clamp(pixels[2 * plane + at]) : r;
                writer.setColor(x, y, Color.color(r, g, b));
            }
        }
        return image;
    }

    private static double clamp(float v) {
        return Math.max(0, Math.min(1, v));
    }
}
