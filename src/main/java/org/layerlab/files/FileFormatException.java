package org.layerlab.files;

/** A project, stack or model file that cannot be read; the message names the file and what to fix. */
public class FileFormatException extends Exception {
    public FileFormatException(String message) {
        super(message);
    }

    public FileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
