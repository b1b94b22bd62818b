package org.layerlab.ui.help;

import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.core.explain.Explanation;

/**
 * The Help panel beside a screen's controls: what the selected or focused thing does, its formula drawn as
 * mathematics, what its settings change and a value to start from; for a layer in the stack, also why it has
 * its shape and parameter count. Controls register what explains them; F1 shows the focused control's entry.
 */
public final class HelpPanel extends VBox {
    private static final String SOURCE = "layerlab.help";

    private final Label title = new Label("Help");
    private final Label summary = new Label();
    private final ImageView formula = new ImageView();
    private final Label formulaText = new Label();
    private final Label numbersTitle = section("This layer's numbers");
    private final Label numbers = new Label();
    private final VBox settings = new VBox(4);
    private final Label typical = new Label();

    public HelpPanel(String hint) {
        title.setId("help-title");
        title.getStyleClass().add("title-4");
        summary.setId("help-summary");
        summary.setText(hint);
        formula.setId("help-formula");
        formula.setPreserveRatio(true);
        formula.setSmooth(true);
        formulaText.getStyleClass().add("text-muted");
        numbers.setId("help-numbers");
        typical.setId("help-typical");
        VBox content = new VBox(8, title, summary, formula, formulaText, numbersTitle, numbers, settings, typical);
        content.setPadding(new Insets(8));
        content.getChildren().forEach(HelpPanel::wrap);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
        // The formula is scaled down to the visible width when it is wider, never up; bound to the viewport, not
        // to the content, whose width the image itself would widen.
        formula.fitWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> formula.getImage() == null
                                ? 0
                                : Math.min(
                                        formula.getImage().getWidth() / FormulaImages.SCALE,
                                        Math.max(40, scroll.getViewportBounds().getWidth() - 16)),
                        formula.imageProperty(),
                        scroll.viewportBoundsProperty()));
        showNothing();
    }

    private void showNothing() {
        formula.setImage(null);
        show(formula, false);
        show(formulaText, false);
        show(numbersTitle, false);
        show(numbers, false);
        show(typical, false);
    }

    public void show(HelpEntry entry) {
        Explanation e = entry.explanation();
        title.setText(e.title());
        summary.setText(e.summary());
        showFormula(e.formula());
        numbers.setText(entry.numbers());
        show(numbersTitle, !entry.numbers().isEmpty());
        show(numbers, !entry.numbers().isEmpty());
        settings.getChildren().clear();
        if (!e.settings().isEmpty()) {
            settings.getChildren().add(section("Settings"));
            for (Explanation.Setting s : e.settings()) {
                Label line = wrap(new Label(s.name() + ": " + s.effect()));
                settings.getChildren().add(line);
            }
        }
        typical.setText("Typical: " + e.typical());
        show(typical, true);
    }

    /** Draws the formula; LaTeX the drawing cannot read is shown as text rather than lost. */
    private void showFormula(String latex) {
        formula.setImage(null);
        formulaText.setText("");
        if (!latex.isEmpty()) {
            try {
                formula.setImage(FormulaImages.image(latex));
            } catch (RuntimeException unreadable) {
                formulaText.setText(latex);
            }
        }
        show(formula, formula.getImage() != null);
        show(formulaText, !formulaText.getText().isEmpty());
    }

    /**
     * Makes {@code control} explained by {@code entry}: shown when focus enters the control, again when one of
     * {@code changes} changes while it has focus (e.g. another optimizer chosen), and on F1. {@code entry} may
     * return null when there is nothing to explain (nothing selected).
     */
    public void explain(Node control, Supplier<HelpEntry> entry, ObservableValue<?>... changes) {
        control.getProperties().put(SOURCE, entry);
        control.focusWithinProperty().addListener((o, before, focused) -> {
            if (focused) {
                showFrom(entry);
            }
        });
        for (ObservableValue<?> change : changes) {
            change.addListener((o, before, after) -> {
                if (control.isFocusWithin()) {
                    showFrom(entry);
                }
            });
        }
    }

    /** F1 anywhere in {@code screen} shows the entry of the focused control (or the nearest one around it). */
    public void showOnF1(Node screen) {
        screen.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F1 && screen.getScene() != null) {
                for (Node n = screen.getScene().getFocusOwner(); n != null; n = n.getParent()) {
                    if (n.getProperties().get(SOURCE) instanceof Supplier<?> source
                            && source.get() instanceof HelpEntry entry) {
                        show(entry);
                        e.consume();
                        return;
                    }
                }
            }
        });
    }

    private void showFrom(Supplier<HelpEntry> entry) {
        HelpEntry shown = entry.get();
        if (shown != null) {
            show(shown);
        }
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("help-section");
        return label;
    }

    private static <N extends Node> N wrap(N node) {
        if (node instanceof Label label) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        return node;
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
