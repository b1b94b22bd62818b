package org.layerlab.ui.common;

import org.layerlab.data.DataLoadException;
import org.layerlab.files.FileFormatException;

/** Turns a failure into the one sentence the student sees. */
public final class Messages {

    private Messages() {}

    public static String of(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null
                && !(cause instanceof DataLoadException)
                && !(cause instanceof FileFormatException)) {
            cause = cause.getCause();
        }
        if (cause instanceof DataLoadException || cause instanceof FileFormatException) {
            return cause.getMessage();
        }
        if (cause instanceof java.io.IOException) {
            return "Could not read or write a file: " + cause.getMessage();
        }
        return "Something went wrong (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ").";
    }
}
