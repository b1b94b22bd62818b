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
                int level = cell == null ? -1 : column.levels().indexOf(cell);
                for (int l = 0; l < column.levels().size(); l++) {
                    out[at + l] = l == level ? 1f : 0f;
                }
                at += column.levels().size();
            } else {
                double value = cell == null ? column.mean() : Double.parseDouble(cell);
                out[at++] = (float) ((value - column.mean()) / column.std());
            }
        }
    }
}
