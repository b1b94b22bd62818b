package org.layerlab.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading JSON with messages that give the line and column, and writing it all-or-nothing. */
public final class JsonFiles {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {}

    static JsonNode read(Path file) throws FileFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FileFormatException(file + ": cannot be read (" + e.getMessage() + "); check the path.", e);
        }
        return parse(text, file.toString());
    }

    static JsonNode parse(String text, String name) throws FileFormatException {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new FileFormatException(name + ": is empty or not a JSON object; it should start with '{'.");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String place = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new FileFormatException(
                    name + ": is not valid JSON" + place + " (" + e.getOriginalMessage()
                            + "); fix the file in a text editor.",
                    e);
        }
    }

    /** Writes beside the target first, then moves it into place, so a failed write leaves no half file. */
    public static void write(Path file, JsonNode node) throws IOException {
        AtomicFiles.writeString(file, MAPPER.writeValueAsString(node) + System.lineSeparator());
    }

    /** Checks the "format" and "version" fields shared by all LayerLab files. */
    static void checkHeader(JsonNode root, String name, String format, int newestVersion) throws FileFormatException {
        String found = root.path("format").asText("");
        if (!format.equals(found)) {
            throw new FileFormatException(name + ": is not a LayerLab " + format.replace("layerlab-", "") + " file "
                    + "(its \"format\" is \"" + found + "\", expected \"" + format + "\").");
        }
        int version = root.path("version").asInt(-1);
        if (version < 1) {
            throw new FileFormatException(
                    name + ": has no valid \"version\"; expected a number from 1 to " + newestVersion + ".");
        }
        if (version > newestVersion) {
            throw new FileFormatException(name + ": was written by a newer LayerLab (format version " + version
                    + "; this one reads up to " + newestVersion + "); update LayerLab to open it.");
        }
    }
}
