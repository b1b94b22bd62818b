package org.layerlab.core.data;

/** What a dataset's samples are, which decides how a new input is read for prediction. */
public enum DataKind {
    TABULAR,
    IMAGE,
    TEXT
}
