package org.layerlab.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * One request as the handlers see it. The body is read only when asked for, and never more than the
 * limit: a declared Content-Length above it is refused before reading, and an undeclared (chunked) body is
 * read to at most the limit plus one byte.
 */
final class Request {
    private final HttpExchange exchange;
    private final int limit;

    Request(HttpExchange exchange, int limit) {
        this.exchange = exchange;
        this.limit = limit;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The media type without parameters, in lower case; "" when none was given. */
    String contentType() {
        String type = header("Content-Type");
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    byte[] body() throws HttpError, IOException {
        String declared = header("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("the Content-Length header '" + declared + "' is not a number.");
            }
            if (length > limit) {
                throw tooLarge(length + " bytes");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge("more than " + limit + " bytes");
            }
            return body;
        }
    }

    private HttpError tooLarge(String size) {
        return new HttpError(
                413,
                "the body has " + size + "; this service takes at most " + limit + " bytes (start it with a larger "
                        + "--max-body, or send fewer inputs per request).");
    }
}
