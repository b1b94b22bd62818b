package org.layerlab.data;

/** One column of a {@link DataTable}: numbers or text, decided once for the whole column. */
sealed interface DataColumn permits NumberColumn, TextColumn {

    String name();

    int size();

    boolean isMissing(int row);

    /** The cell as text ("" when missing); numbers without ".0" when whole. */
    String getString(int row);
}
