package org.layerlab.data;

import org.layerlab.core.data.Preprocessing;

/**
 * Turns one row of cells into the feature vector a tabular model reads. Used for training data and for
 * rows given to a saved model, so both are prepared the same way. A missing cell (null) gets the training
 * mean (0 after standardising) or no category.
 */
public final class TabularEncoder {

    private TabularEncoder() {}

    /** Writes {@code prep.featureCount()} values into {@code out} from {@code offset}. */
    public static void encode(Preprocessing.Tabular prep, String[] cells, float[] out, int offset) {
        int at = offset;
        for (int c = 0; c < prep.columns().size(); c++) {
            Preprocessing.Column column = prep.columns().get(c);
            String cell = cells[c];
            if (column.categorical()) {
                oneHot(column, cell == null ? -1 : column.levels().indexOf(cell), out, at);
                at += column.levels().size();
            } else {
                out[at++] = standardised(column, cell == null ? Double.NaN : Double.parseDouble(cell));
            }
        }
    }

    /** A number as the model reads it: minus the training mean, over the spread; NaN (missing) gives 0. */
    static float standardised(Preprocessing.Column column, double value) {
        double known = Double.isNaN(value) ? column.mean() : value;
        return (float) ((known - column.mean()) / column.std());
    }

    /** Writes the one-hot vector of category {@code level} (-1: none) from {@code at}. */
    static void oneHot(Preprocessing.Column column, int level, float[] out, int at) {
        for (int l = 0; l < column.levels().size(); l++) {
            out[at + l] = l == level ? 1f : 0f;
        }
    }
}
