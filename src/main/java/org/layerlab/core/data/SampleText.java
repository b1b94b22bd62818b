package org.layerlab.core.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One sample written back as a student would recognise it: a table row with its original values (the
 * standardisation undone, the one-hot level named), or a sentence from its token ids.
 */
public final class SampleText {

    private SampleText() {}

    /** The sample as text; null for images, which are shown as pictures. */
    public static String of(Preprocessing preprocessing, float[] sample) {
        if (preprocessing instanceof Preprocessing.Tabular table) {
            return row(table, sample);
        }
        if (preprocessing instanceof Preprocessing.Text text) {
            return sentence(text, sample);
        }
        return null;
    }

    private static String row(Preprocessing.Tabular table, float[] sample) {
        List<String> cells = new ArrayList<>();
        int at = 0;
        for (Preprocessing.Column column : table.columns()) {
            if (column.categorical()) {
                int best = -1;
                for (int l = 0; l < column.levels().size(); l++) {
                    if (sample[at + l] > 0.5f) {
                        best = l;
                    }
                }
                cells.add(
                        column.name() + " " + (best < 0 ? "?" : column.levels().get(best)));
            } else {
                double value = sample[at] * column.std() + column.mean();
                cells.add(column.name() + " " + readable(value));
            }
            at += column.width();
        }
        return String.join(", ", cells);
    }

    private static String sentence(Preprocessing.Text text, float[] sample) {
        List<String> words = new ArrayList<>();
        for (float id : sample) {
            int token = Math.round(id);
            if (token == TokenFeatures.PADDING) {
                continue;
            }
            words.add(
                    token == TokenFeatures.UNKNOWN || token >= text.vocabulary().size()
                            ? "…"
                            : text.vocabulary().get(token));
        }
        return String.join(" ", words);
    }

    /** Four significant digits without trailing zeros: 5.1, not 5.100000057. */
    private static String readable(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value)
                .round(new MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }
}
