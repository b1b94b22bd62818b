package org.layerlab.serve;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the service answers: a status, a body (empty for some) and its content type, and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json";

    static Reply json(String json) {
        return new Reply(200, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply text(String contentType, String text) {
        return new Reply(200, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** 200 with no body, as the v2 protocol's health answers are. */
    static Reply ok() {
        return new Reply(200, null, new byte[0], Map.of());
    }

    static Reply error(int status, String message) {
        return error(status, message, Map.of());
    }

    static Reply error(int status, String message, Map<String, String> headers) {
        return new Reply(status, JSON, Json.error(message).getBytes(StandardCharsets.UTF_8), headers);
    }
}
