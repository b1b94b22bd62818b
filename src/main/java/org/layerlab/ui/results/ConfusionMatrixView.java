package org.layerlab.ui.results;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.layerlab.core.training.ConfusionMatrix;

/**
 * A confusion matrix as a heat map: rows are the true classes, columns the predicted ones, each cell
 * coloured by its share of the row, so a class with few samples is as readable as a large one. Right
 * answers (the diagonal) are blue, mistakes orange. Clicking a cell asks for the samples behind it.
 */
final class ConfusionMatrixView extends GridPane {
    private static final Color RIGHT = Color.web("#0072B2");
    private static final Color WRONG = Color.web("#D55E00");

    private final BiConsumer<Integer, Integer> onCell;
    /**
     * One tooltip shared by every cell, its text set to the cell under the mouse: a tooltip per cell is a
     * popup window each, and for MNIST's 100 cells they made showing a run's results freeze the window.
     */
    private final Tooltip tooltip = new Tooltip();

    private Label selected;

    ConfusionMatrixView(BiConsumer<Integer, Integer> onCell) {
        this.onCell = onCell;
        setId("confusion-matrix");
        setHgap(2);
        setVgap(2);
    }

    void show(ConfusionMatrix matrix, List<String> classes) {
        getChildren().clear();
        selected = null;
        if (matrix == null) {
            return;
        }
        Label corner = new Label("true ↓   predicted →");
        corner.getStyleClass().add("text-muted");
        add(corner, 0, 0);
        for (int p = 0; p < classes.size(); p++) {
            Label name = header(classes.get(p));
            name.setAlignment(Pos.CENTER);
            name.setMaxWidth(Double.MAX_VALUE);
            add(name, p + 1, 0);
        }
        for (int a = 0; a < classes.size(); a++) {
            add(header(classes.get(a)), 0, a + 1);
            for (int p = 0; p < classes.size(); p++) {
                add(cell(matrix, classes, a, p), p + 1, a + 1);
            }
        }
    }

    private static Label header(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("matrix-header");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private Label cell(ConfusionMatrix matrix, List<String> classes, int actual, int predicted) {
        double share = matrix.rowShare(actual, predicted);
        Label cell = new Label(Integer.toString(matrix.count(actual, predicted)));
        cell.setId("cell-" + actual + "-" + predicted);
        cell.getStyleClass().add("matrix-cell");
        cell.setAlignment(Pos.CENTER);
        cell.setMaxWidth(Double.MAX_VALUE);
        double strength = actual == predicted ? share : mistakeStrength(share);
        Color fill = Color.WHITE.interpolate(actual == predicted ? RIGHT : WRONG, strength);
        cell.setStyle("-fx-background-color: " + web(fill) + "; -fx-text-fill: "
                + (strength > 0.55 ? "white" : "#24292f") + ";");
        Tooltip.install(cell, tooltip);
        cell.setOnMouseEntered(e -> tooltip.setText(String.format(
                Locale.ROOT,
                "%d of %d %s samples (%.1f %%) predicted as %s: click to see them",
                matrix.count(actual, predicted),
                matrix.support(actual),
                classes.get(actual),
                100 * share,
                classes.get(predicted))));
        cell.setOnMouseClicked(e -> {
            if (selected != null) {
                selected.getStyleClass().remove("selected-cell");
            }
            selected = cell;
            cell.getStyleClass().add("selected-cell");
            onCell.accept(actual, predicted);
        });
        return cell;
    }

    private static String web(Color c) {
        return String.format(
                Locale.ROOT,
                "#%02x%02x%02x",
                Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /**
     * Mistakes are a few per cent of a row at most in a good model: on a linear scale they would all look
     * white. A square-root scale that saturates at a quarter of the row makes 2 % visible and 25 % loud.
     */
    static double mistakeStrength(double share) {
        return share == 0 ? 0 : Math.min(1, Math.sqrt(share / 0.25));
    }
}
