package org.layerlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which column of a table holds the classes, and why. The one rule for every loader, so that the command
 * line and the Data tab choose alike: the column asked for; else a column named label, class, target or y
 * (any case); else the last column (passing over the column of sentences in a text table).
 */
record LabelChoice(String column, String note) {
    private static final List<String> LABEL_NAMES = List.of("label", "class", "target", "y");
    private static final String CHANGE = "choose another with --label or the Data tab's label column";

    /** {@code textColumn} is the column of sentences in a text table, or null for a table of measurements. */
    static LabelChoice of(Path file, List<String> columns, String requested, String textColumn)
            throws DataLoadException {
        if (requested != null && !requested.isBlank()) {
            String found = TableColumns.named(file, columns, requested);
            return new LabelChoice(found, "Label: column '" + found + "'.");
        }
        for (String name : columns) {
            if (LABEL_NAMES.contains(name.toLowerCase(Locale.ROOT)) && !name.equals(textColumn)) {
                return new LabelChoice(name, "Label: column '" + name + "' (named like a label; " + CHANGE + ").");
            }
        }
        List<String> candidates = new ArrayList<>(columns);
        candidates.remove(textColumn);
        if (candidates.isEmpty()) {
            throw new DataLoadException(
                    file + ": has only the column '" + textColumn + "'; a table needs a label " + "column beside it.");
        }
        String last = candidates.get(candidates.size() - 1);
        String which = textColumn == null ? "the last column" : "the last column beside the text";
        return new LabelChoice(
                last,
                "Label: " + which + " '" + last + "' (no column is named label, class, target or y; " + CHANGE + ").");
    }
}
