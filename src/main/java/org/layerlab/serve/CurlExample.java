package org.layerlab.serve;

import java.util.Locale;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.training.ModelInfo;

/**
 * A curl command for /v1/predict that works when pasted into a shell as it is: an image file as the body,
 * a sentence, or a table row of the training means and first categories; with the token when one is needed.
 */
final class CurlExample {

    private CurlExample() {}

    static String of(String address, String token, ModelInfo info) {
        StringBuilder curl = new StringBuilder("curl -s ").append(address).append("v1/predict");
        if (token != null) {
            curl.append(" -H ").append(quoted("Authorization: Bearer " + token));
        }
        if (info.preprocessing() instanceof Preprocessing.Image) {
            return curl.append(" -H 'Content-Type: image/png' --data-binary @image.png")
                    .toString();
        }
        curl.append(" -H 'Content-Type: application/json' -d ");
        return curl.append(quoted(body(info.preprocessing()))).toString();
    }

    static String body(Preprocessing preprocessing) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("inputs");
            if (preprocessing instanceof Preprocessing.Tabular table) {
                json.writeStartObject();
                for (Preprocessing.Column column : table.columns()) {
                    json.writeFieldName(column.name());
                    if (column.categorical()) {
                        json.writeString(column.levels().get(0));
                    } else {
                        json.writeNumber(Double.parseDouble(String.format(Locale.ROOT, "%.3g", column.mean())));
                    }
                }
                json.writeEndObject();
            } else {
                json.writeString("a sentence to classify");
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** Single-quoted for a POSIX shell. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
