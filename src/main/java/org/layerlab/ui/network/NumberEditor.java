package org.layerlab.ui.network;

import java.math.BigDecimal;
import java.util.Optional;
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
 * A number field for the property sheet that checks every keystroke (red, with the reason in its tooltip,
 * while the text is not an acceptable value) and commits on Enter or when it loses focus.
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

    NumberEditor(PropertySheet.Item item, Check check) {
        super(item, new TextField());
        this.whole = item.getType() == Integer.class;
        TextField field = getEditor();
        field.textProperty().addListener((o, a, text) -> {
            Optional<String> problem = parse(text)
                    .map(v -> check.problem(item.getName(), v))
                    .orElseGet(() -> Optional.of(unreadable(item.getName(), text)));
            field.pseudoClassStateChanged(INVALID, problem.isPresent());
            field.setTooltip(problem.map(Tooltip::new).orElse(null));
        });
        field.setOnAction(e -> commit());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
    }

    private void commit() {
        parse(getEditor().getText()).ifPresent(value -> committed().set(value));
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
