package org.layerlab.cli;

/** A problem the user can fix; the CLI prints its message as one line and exits with status 1. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
