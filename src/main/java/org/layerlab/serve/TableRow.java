package org.layerlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.layerlab.core.data.Preprocessing;

/**
 * One table row as a client sends it, as the cells {@code TabularEncoder} reads: an array in the training
 * column order, or an object by column name (the label column may be there and is passed over). Numbers
 * for number columns, one of the known levels for category columns; nothing missing, nothing unknown.
 */
final class TableRow {

    private TableRow() {}

    static String[] cells(JsonNode row, Preprocessing.Tabular table, String where) throws HttpError {
        List<Preprocessing.Column> columns = table.columns();
        String[] cells = new String[columns.size()];
        if (row.isArray()) {
            if (row.size() != columns.size()) {
                throw HttpError.badRequest(where + ": has " + row.size() + " values but this model reads "
                        + columns.size() + ", in this order: " + String.join(", ", InputParser.names(columns)) + ".");
            }
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cell(row.get(c), columns.get(c), where + "[" + c + "]");
            }
            return cells;
        }
        if (!row.isObject()) {
            throw HttpError.badRequest(where + ": is " + Tensors.describe(row) + " but should be an array of the "
                    + "row's values in column order or an object by column name.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            int c = find(columns, field.getKey());
            if (c < 0) {
                if (field.getKey().equalsIgnoreCase(table.labelColumn())) {
                    continue;
                }
                throw HttpError.badRequest(where + ": has \"" + field.getKey() + "\", which the model does not read; "
                        + "its columns are " + String.join(", ", InputParser.names(columns)) + ".");
            }
            if (cells[c] != null) {
                throw HttpError.badRequest(where + ": gives \"" + columns.get(c).name() + "\" twice.");
            }
            cells[c] = cell(
                    field.getValue(),
                    columns.get(c),
                    where + "." + columns.get(c).name());
        }
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] == null) {
                throw HttpError.badRequest(
                        where + ": has no \"" + columns.get(c).name() + "\"; the model needs every " + "column: "
                                + String.join(", ", InputParser.names(columns)) + ".");
            }
        }
        return cells;
    }

    /** The column's position: its exact name first, else the same name in another case (as predict's CSV). */
    private static int find(List<Preprocessing.Column> columns, String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    private static String cell(JsonNode value, Preprocessing.Column column, String where) throws HttpError {
        if (!column.categorical()) {
            // Double.toString reads back as the same double, so the encoder sees exactly the number sent.
            return Double.toString(Tensors.number(value, where));
        }
        String level;
        if (value.isTextual()) {
            level = value.textValue();
        } else if (value.isIntegralNumber()) {
            level = value.bigIntegerValue().toString();
        } else if (value.isNumber()) {
            level = value.asText();
        } else {
            throw HttpError.badRequest(where + ": is " + Tensors.describe(value) + " but column \"" + column.name()
                    + "\" is a category: one of " + levels(column) + ".");
        }
        if (!column.levels().contains(level)) {
            throw HttpError.badRequest(where + ": \"" + level + "\" is not a category the model knows for column \""
                    + column.name() + "\"; use one of " + levels(column) + ".");
        }
        return level;
    }

    private static String levels(Preprocessing.Column column) {
        List<String> levels = column.levels();
        String shown = String.join(", ", levels.subList(0, Math.min(levels.size(), 20)));
        return levels.size() > 20 ? shown + " … (" + levels.size() + " in all, see GET /v1/model)" : shown;
    }
}
