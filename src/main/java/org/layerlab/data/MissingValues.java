package org.layerlab.data;

/** What to do with table rows that have an empty cell. */
public enum MissingValues {
    /** Leave such rows out. */
    DROP,
    /** Fill numbers with the training mean and categories with the most frequent training value. */
    FILL
}
