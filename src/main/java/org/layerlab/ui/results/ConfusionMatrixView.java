package org.layerlab.ui.results;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
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
    private static final Color DARK_TEXT = Color.web("#24292f");
    private static final CornerRadii ROUNDED = new CornerRadii(3);

    private final BiConsumer<Integer, Integer> onCell;
    /**
     * One tooltip shared by every cell, its text set to the cell under the mouse: a tooltip per cell is a
     * popup window each, and for MNIST's 100 cells they made showing a run's results freeze the window.
     */
    private final Tooltip tooltip = new Tooltip();

    private ConfusionMatrix matrix;
    private List<String> classes = List.of();
    /** The cells for {@link #classes}, kept from run to run while the classes stay the same. */
    private Label[][] cells = new Label[0][0];

    private Label selected;

    ConfusionMatrixView(BiConsumer<Integer, Integer> onCell) {
        this.onCell = onCell;
        setId("confusion-matrix");
        setHgap(2);
        setVgap(2);
    }

    /**
     * Shows {@code shown}. The labels are made once for a set of classes and then only given new numbers and
     * colours, set directly rather than as CSS text to parse: for MNIST that is 121 labels a run.
     */
    void show(ConfusionMatrix shown, List<String> names) {
        matrix = shown;
        if (selected != null) {
            selected.getStyleClass().remove("selected-cell");
            selected = null;
        }
        // Hidden, not emptied, while there is nothing to show (the next run's model is opening, say).
        setVisible(shown != null);
        if (shown == null) {
            return;
        }
        if (!names.equals(classes)) {
            classes = List.copyOf(names);
            layOut();
        }
        for (int a = 0; a < classes.size(); a++) {
            for (int p = 0; p < classes.size(); p++) {
                paint(cells[a][p], a, p);
            }
        }
    }

    private void layOut() {
        getChildren().clear();
        int n = classes.size();
        cells = new Label[n][n];
        Label corner = new Label("true ↓   predicted →");
        corner.getStyleClass().add("text-muted");
        add(corner, 0, 0);
        for (int p = 0; p < n; p++) {
            Label name = header(classes.get(p));
            name.setAlignment(Pos.CENTER);
            name.setMaxWidth(Double.MAX_VALUE);
            add(name, p + 1, 0);
        }
        for (int a = 0; a < n; a++) {
            add(header(classes.get(a)), 0, a + 1);
            for (int p = 0; p < n; p++) {
                cells[a][p] = cell(a, p);
                add(cells[a][p], p + 1, a + 1);
            }
        }
    }

    private static Label header(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("matrix-header");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private Label cell(int actual, int predicted) {
        Label cell = new Label();
        cell.setId("cell-" + actual + "-" + predicted);
        cell.getStyleClass().add("matrix-cell");
        cell.setAlignment(Pos.CENTER);
        cell.setMaxWidth(Double.MAX_VALUE);
        Tooltip.install(cell, tooltip);
        cell.setOnMouseEntered(e -> tooltip.setText(String.format(
                Locale.ROOT,
                "%d of %d %s samples (%.1f %%) predicted as %s: click to see them",
                matrix.count(actual, predicted),
                matrix.support(actual),
                classes.get(actual),
                100 * matrix.rowShare(actual, predicted),
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

    private void paint(Label cell, int actual, int predicted) {
        double share = matrix.rowShare(actual, predicted);
        double strength = actual == predicted ? share : mistakeStrength(share);
        Color fill = Color.WHITE.interpolate(actual == predicted ? RIGHT : WRONG, strength);
        cell.setText(Integer.toString(matrix.count(actual, predicted)));
        cell.setBackground(new Background(new BackgroundFill(fill, ROUNDED, Insets.EMPTY)));
        cell.setTextFill(strength > 0.55 ? Color.WHITE : DARK_TEXT);
    }

    /**
     * Mistakes are a few per cent of a row at most in a good model: on a linear scale they would all look
     * white. A square-root scale that saturates at a quarter of the row makes 2 % visible and 25 % loud.
     */
    static double mistakeStrength(double share) {
        return share == 0 ? 0 : Math.min(1, Math.sqrt(share / 0.25));
    }
}
