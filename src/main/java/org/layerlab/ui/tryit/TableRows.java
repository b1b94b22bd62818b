package org.layerlab.ui.tryit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Preprocessing;

/** The cells of a table model's form: read back from an encoded test row, and checked before predicting. */
final class TableRows {

    private TableRows() {}

    /** True when {@code data}'s test rows have the model's columns (and categories), so they can fill the form. */
    static boolean fits(Dataset data, Preprocessing.Tabular model) {
        if (data == null
                || data.test().count() == 0
                || !(data.preprocessing() instanceof Preprocessing.Tabular own)
                || own.columns().size() != model.columns().size()) {
            return false;
        }
        for (int c = 0; c < own.columns().size(); c++) {
            Preprocessing.Column a = own.columns().get(c);
            Preprocessing.Column b = model.columns().get(c);
            if (!a.name().equalsIgnoreCase(b.name()) || !a.levels().equals(b.levels())) {
                return false;
            }
        }
        return true;
    }

    /** The cells a student would type for one encoded row: numbers un-standardised, categories by name. */
    static String[] decode(Preprocessing.Tabular prep, float[] features) {
        String[] cells = new String[prep.columns().size()];
        int at = 0;
        for (int c = 0; c < cells.length; c++) {
            Preprocessing.Column column = prep.columns().get(c);
            if (column.categorical()) {
                int best = -1;
                for (int l = 0; l < column.levels().size(); l++) {
                    if (features[at + l] > 0.5f) {
                        best = l;
                    }
                }
                cells[c] = best < 0 ? "" : column.levels().get(best);
                at += column.levels().size();
            } else {
                double value = features[at++] * column.std() + column.mean();
                // Six significant digits undo the float rounding of standardising: 5.1 comes back as 5.1.
                cells[c] = new BigDecimal(value)
                        .round(new MathContext(6))
                        .stripTrailingZeros()
                        .toPlainString();
            }
        }
        return cells;
    }

    /** What is wrong with the form, in one sentence; empty when every field can be read. */
    static Optional<String> problem(List<FormField> fields) {
        for (FormField field : fields) {
            String value = field.valueProperty().get() == null
                    ? ""
                    : field.valueProperty().get().trim();
            if (field.numeric()) {
                if (value.isEmpty()) {
                    return Optional.of("'" + field.name() + "' is empty: type a number (its average in training was "
                            + field.average() + ").");
                }
                try {
                    double number = Double.parseDouble(value);
                    if (Double.isNaN(number) || Double.isInfinite(number)) {
                        return Optional.of("'" + field.name() + "' must be a finite number, not " + value + ".");
                    }
                } catch (NumberFormatException e) {
                    return Optional.of("'" + field.name() + "' must be a number (like 3.5), not '" + value + "'.");
                }
            } else if (!field.levels().contains(value)) {
                return Optional.of(
                        value.isEmpty()
                                ? "'" + field.name() + "' is empty: choose one of " + String.join(", ", field.levels())
                                        + "."
                                : "'" + field.name() + "' must be one of " + String.join(", ", field.levels()) + ".");
            }
        }
        return Optional.empty();
    }

    static String[] cells(List<FormField> fields) {
        return fields.stream().map(f -> f.valueProperty().get().trim()).toArray(String[]::new);
    }
}
