package org.layerlab.serve;

/** A request the service refuses: the HTTP status and one sentence that names the problem. */
final class HttpError extends Exception {
    private final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    int status() {
        return status;
    }
}
