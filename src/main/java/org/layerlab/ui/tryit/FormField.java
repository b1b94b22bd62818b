package org.layerlab.ui.tryit;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.layerlab.core.data.Preprocessing;

/** One feature of a table model in the Try it form: a number, or one of the categories seen in training. */
public final class FormField {
    private final Preprocessing.Column column;
    private final StringProperty value = new SimpleStringProperty("");

    FormField(Preprocessing.Column column) {
        this.column = column;
    }

    public String name() {
        return column.name();
    }

    /** The categories to choose from; empty for a number. */
    public List<String> levels() {
        return column.levels();
    }

    public boolean numeric() {
        return !column.categorical();
    }

    /** What the field shows while empty. */
    public String hint() {
        return numeric() ? "a number; on average " + average() : "choose one";
    }

    /** The training rows' average of a number field. */
    String average() {
        return String.format(Locale.ROOT, "%.3g", column.mean());
    }

    public StringProperty valueProperty() {
        return value;
    }

    Preprocessing.Column column() {
        return column;
    }
}
