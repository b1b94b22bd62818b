package org.layerlab.files;

/** A run folder that cannot be written as asked; the message names the folder or file and what to do. */
public final class RunFolderException extends Exception {
    public RunFolderException(String message) {
        super(message);
    }

    public RunFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
