package org.layerlab.cli;

import org.layerlab.errors.ExplainedFailure;

/** A problem the user can fix; the CLI prints its message as one line and exits with status 1. */
final class UserError extends RuntimeException implements ExplainedFailure {
    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
