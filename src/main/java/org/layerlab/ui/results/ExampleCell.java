package org.layerlab.ui.results;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.layerlab.ui.common.Pictures;

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
            ImageView view =
                    new ImageView(Pictures.of(item.pixels(), item.shape()[0], item.shape()[1], item.shape()[2]));
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
}
