package org.layerlab.ui.network;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.layerlab.core.stack.SettingSpec;
import org.layerlab.ui.common.ViewPart;

/**
 * A number field for the property sheet that checks every keystroke: an acceptable value goes to the stack
 * at once (so shapes and parameter counts follow the typing); anything else turns the field red and its
 * reason is shown as text under the sheet (and in the tooltip), while the stack keeps the last good value.
 */
@ViewPart
final class NumberEditor extends AbstractPropertyEditor<Object, TextField> {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("danger");

    /** Says what is wrong with a candidate value, or nothing when it is acceptable. */
    interface Check {
        Optional<String> problem(String setting, Object value);
    }

    /** Created on first use: the superclass constructor asks for it before this class's fields are set. */
    private SimpleObjectProperty<Object> committed;

    private final boolean whole;

    /** {@code shown} receives the reason the text is refused, or "" when it is accepted. */
    NumberEditor(PropertySheet.Item item, Check check, Consumer<String> shown) {
        super(item, new TextField());
        this.whole = item.getType() == Integer.class;
        TextField field = getEditor();
        field.textProperty().addListener((o, a, text) -> {
            Optional<Object> value = parse(text);
            Optional<String> problem = value.map(v -> check.problem(item.getName(), v))
                    .orElseGet(() -> Optional.of(unreadable(item.getName(), text)));
            field.pseudoClassStateChanged(INVALID, problem.isPresent());
            field.setTooltip(problem.map(Tooltip::new).orElse(null));
            shown.accept(problem.orElse(""));
            if (problem.isEmpty() && field.isFocused()) {
                committed().set(value.get());
            }
        });
    }

    private Optional<Object> parse(String text) {
        try {
            return Optional.of(whole ? Integer.valueOf(text.trim()) : (Object) Double.valueOf(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What to type instead of text that is no value: a whole number too large is told so, as files are. */
    private String unreadable(String setting, String text) {
        if (!whole) {
            return "Type a number";
        }
        try {
            return Optional.ofNullable(SettingSpec.wholeNumberProblem(new BigDecimal(text.trim())))
                    .map(problem -> setting + " " + problem)
                    .orElse("Type a whole number");
        } catch (NumberFormatException notANumber) {
            return "Type a whole number";
        }
    }

    @Override
    protected ObservableValue<Object> getObservableValue() {
        return committed();
    }

    private SimpleObjectProperty<Object> committed() {
        if (committed == null) {
            committed = new SimpleObjectProperty<>();
        }
        return committed;
    }

    @Override
    public void setValue(Object value) {
        committed().set(value);
        getEditor().setText(String.valueOf(value));
    }
}
