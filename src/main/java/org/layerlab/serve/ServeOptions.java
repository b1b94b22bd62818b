package org.layerlab.serve;

/**
 * How a {@link ModelService} listens. {@code token} null means "none given": the service then needs no
 * token on a loopback address and makes one up on any other; a token given is always required.
 * {@code maxBatch} is the most samples one forward pass may gather from requests that wait at the same
 * time; 1 runs every request on its own, which keeps each answer bit-identical to {@code predict}'s.
 * {@code prepareImages} prepares an image body for a model trained on MNIST-like digits as the training
 * digits were (inverted, cropped, centred), as {@code predict} does; off, it is only resized.
 */
public record ServeOptions(
        String host, int port, int threads, String token, int maxBodyBytes, int maxBatch, boolean prepareImages) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_THREADS = 16;
    public static final int DEFAULT_MAX_BODY = 8 * 1024 * 1024;

    public static final ServeOptions DEFAULT =
            new ServeOptions(LOOPBACK, DEFAULT_PORT, DEFAULT_THREADS, null, DEFAULT_MAX_BODY, 1);

    /** Options that prepare image bodies as {@code predict} does. */
    public ServeOptions(String host, int port, int threads, String token, int maxBodyBytes, int maxBatch) {
        this(host, port, threads, token, maxBodyBytes, maxBatch, true);
    }

    public ServeOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the host must not be empty; use 127.0.0.1 to stay on this machine");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be between 0 (any free port) and 65535 but is " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("the service needs at least 1 thread but was given " + threads);
        }
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("the token must not be empty");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be at least 1 byte but is " + maxBodyBytes);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("the batch limit must be at least 1 but is " + maxBatch);
        }
    }

    public ServeOptions withHost(String value) {
        return new ServeOptions(value, port, threads, token, maxBodyBytes, maxBatch, prepareImages);
    }

    public ServeOptions withPort(int value) {
        return new ServeOptions(host, value, threads, token, maxBodyBytes, maxBatch, prepareImages);
    }

    public ServeOptions withThreads(int value) {
        return new ServeOptions(host, port, value, token, maxBodyBytes, maxBatch, prepareImages);
    }

    public ServeOptions withToken(String value) {
        return new ServeOptions(host, port, threads, value, maxBodyBytes, maxBatch, prepareImages);
    }

    public ServeOptions withMaxBodyBytes(int value) {
        return new ServeOptions(host, port, threads, token, value, maxBatch, prepareImages);
    }

    public ServeOptions withMaxBatch(int value) {
        return new ServeOptions(host, port, threads, token, maxBodyBytes, value, prepareImages);
    }

    public ServeOptions withPrepareImages(boolean value) {
        return new ServeOptions(host, port, threads, token, maxBodyBytes, maxBatch, value);
    }
}
