package org.layerlab.errors;

import java.io.IOException;
import org.layerlab.data.DataLoadException;
import org.layerlab.export.ExportException;
import org.layerlab.files.FileFormatException;
import org.layerlab.files.RunFolderException;

/**
 * Turns a failure into the one sentence the user reads: in the workbench's status line or message, or after
 * {@code layerlab: } on a terminal. Loaders, file formats and exports already phrase their failures that way,
 * so their message is kept; anything else is named as what it is.
 */
public final class FailureSentence {

    private FailureSentence() {}

    /** True when {@code e}'s message is already the sentence (see {@link ExplainedFailure}). */
    public static boolean explainsItself(Throwable e) {
        return e instanceof ExplainedFailure
                || e instanceof DataLoadException
                || e instanceof FileFormatException
                || e instanceof RunFolderException
                || e instanceof ExportException;
    }

    /**
     * For the workbench, where background work arrives wrapped (in the task's exception): the first
     * explained failure in the chain of causes, or else the innermost cause.
     */
    public static String forWindow(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !explainsItself(cause)) {
            cause = cause.getCause();
        }
        if (explainsItself(cause)) {
            return cause.getMessage();
        }
        if (cause instanceof IOException) {
            return "Could not read or write a file: " + cause.getMessage();
        }
        return "Could not finish: " + firstLine(cause) + ".";
    }

    /** For the command line, which prints it after {@code layerlab: }; commands throw their failures unwrapped. */
    public static String forTerminal(Throwable e) {
        if (explainsItself(e)) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return "could not read or write a file: " + e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory; use less data or a smaller network, or give Java more memory with -Xmx.";
        }
        return "could not finish: " + firstLine(e) + ".";
    }

    /**
     * What an unexplained failure says, cut to one short printable line: engines' messages can run over many
     * lines with a native trace, and carry the text of a binary file.
     */
    private static String firstLine(Throwable e) {
        String message =
                e.getMessage() == null ? "no reason was given" : e.getMessage().strip();
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(0, newline)).replaceAll("\\P{Print}", "?");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
