package org.layerlab.data;

/** How to read a data source; AUTO decides from the file or folder itself. */
public enum DataFormat {
    AUTO,
    CSV,
    TEXT,
    IDX,
    IMAGES
}
