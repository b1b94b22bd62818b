package org.layerlab.serve;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Lets only a few requests at a time turn their bodies into features. Reading JSON into a tree takes about
 * ten times the body's size in memory (an 8 MB body of small numbers is some 80 MB of nodes) and decoding
 * an image file up to 64 MB, so many large requests at once could exhaust the heap and fail everyone's
 * requests; the work is CPU-bound, so more at once than there are cores would not be faster anyway.
 */
final class ParseGate {
    private final Semaphore permits;

    ParseGate(int permits) {
        this.permits = new Semaphore(permits, true);
    }

    static ParseGate forThisMachine() {
        return new ParseGate(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** Work that reads a request. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws HttpError, IOException;
    }

    <T> T run(Work<T> work) throws HttpError, IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "the service is stopping.");
        }
        try {
            return work.run();
        } finally {
            permits.release();
        }
    }
}
