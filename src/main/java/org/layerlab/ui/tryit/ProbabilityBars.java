package org.layerlab.ui.tryit;

import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** One bar per class, in the model's class order, with its percentage; the model's answer stands out. */
final class ProbabilityBars extends GridPane {
    static final double BAR_WIDTH = 180;

    ProbabilityBars() {
        setHgap(8);
        setVgap(4);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        name.setHalignment(HPos.RIGHT);
        ColumnConstraints percent = new ColumnConstraints();
        percent.setMinWidth(52);
        percent.setHalignment(HPos.RIGHT);
        getColumnConstraints().setAll(name, new ColumnConstraints(BAR_WIDTH), percent);
        show(List.of());
    }

    void show(List<TryItViewModel.ClassProbability> classes) {
        getChildren().clear();
        if (classes.isEmpty()) {
            Label none = new Label("No prediction yet.");
            none.getStyleClass().add("text-muted");
            add(none, 0, 0, 3, 1);
            return;
        }
        for (int row = 0; row < classes.size(); row++) {
            TryItViewModel.ClassProbability c = classes.get(row);
            Label name = new Label(c.name());
            name.getStyleClass().add("class-name");
            Label percent = new Label(String.format(Locale.ROOT, "%.1f %%", 100 * c.probability()));
            percent.getStyleClass().add("probability");
            Region fill = new Region();
            fill.setMinWidth(Math.max(1, BAR_WIDTH * c.probability()));
            fill.setMaxWidth(Region.USE_PREF_SIZE);
            fill.setPrefWidth(fill.getMinWidth());
            fill.setStyle("-fx-background-radius: 3; -fx-background-color: "
                    + (c.top() ? "-color-accent-emphasis" : "-color-accent-muted") + ";");
            StackPane track = new StackPane(fill);
            track.setAlignment(Pos.CENTER_LEFT);
            track.setPrefSize(BAR_WIDTH, 18);
            track.setStyle("-fx-background-radius: 3; -fx-background-color: -color-bg-subtle;");
            if (c.top()) {
                name.getStyleClass().add("top-class");
                name.setStyle("-fx-font-weight: bold;");
                percent.setStyle("-fx-font-weight: bold;");
            }
            addRow(row, name, track, percent);
        }
    }
}
