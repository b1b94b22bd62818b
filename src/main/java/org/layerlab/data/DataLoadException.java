package org.layerlab.data;

/** A file that cannot be loaded; the message names the file (and line or column) and says what to do. */
public class DataLoadException extends Exception {
    public DataLoadException(String message) {
        super(message);
    }

    public DataLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
