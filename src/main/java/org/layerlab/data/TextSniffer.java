package org.layerlab.data;

/** Tells a table of sentences from a table of measurements: some column holds words, many per cell. */
final class TextSniffer {
    private static final double WORDS_PER_SENTENCE = 4;

    private TextSniffer() {}

    static boolean looksLikeText(DataTable table) {
        for (DataColumn column : table.columns()) {
            int n = Math.min(column.size(), 100);
            double words = 0;
            for (int row = 0; row < n; row++) {
                words +=
                        column.isMissing(row) ? 0 : column.getString(row).trim().split("\\s+").length;
            }
            if (n > 0 && words / n >= WORDS_PER_SENTENCE) {
                return true;
            }
        }
        return false;
    }
}
