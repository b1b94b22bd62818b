package org.layerlab.export;

/** An export that cannot be made, with a sentence that says why and what to do. */
public final class ExportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean targetExists;

    public ExportException(String message) {
        this(message, false);
    }

    private ExportException(String message, boolean targetExists) {
        super(message);
        this.targetExists = targetExists;
    }

    /** The target is already there; the caller may ask whether to replace it and try again. */
    static ExportException exists(java.nio.file.Path path) {
        return new ExportException(
                path + " already exists; choose another name or allow overwriting (--overwrite).", true);
    }

    public boolean targetExists() {
        return targetExists;
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
        this.targetExists = false;
    }
}
