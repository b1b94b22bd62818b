package org.layerlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Text files as every reader should see them: gunzipped when named .gz, UTF-8 without the byte-order mark
 * that Windows editors put first, and binary files (an image given by mistake) told apart, so that their
 * bytes never end up in a message.
 */
final class TextFiles {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int SNIFFED_BYTES = 4096;
    private static final int MAX_EXCERPT = 40;

    private TextFiles() {}

    static Reader open(Path file) throws IOException {
        PushbackReader reader = new PushbackReader(new InputStreamReader(bytes(file), StandardCharsets.UTF_8), 1);
        int first = reader.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }

    /** The lines of a text file, without a byte-order mark. */
    static List<String> lines(Path file) throws IOException {
        try (BufferedReader reader = new BufferedReader(open(file))) {
            return reader.lines().toList();
        }
    }

    /** True when the file's first bytes hold a NUL or many control characters, as images and archives do. */
    static boolean looksBinary(Path file) throws IOException {
        byte[] start;
        try (InputStream in = bytes(file)) {
            start = in.readNBytes(SNIFFED_BYTES);
        }
        int control = 0;
        for (byte b : start) {
            if (b == 0) {
                return true;
            }
            if (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control > start.length / 10;
    }

    /** Text from a file as a message may quote it: printable characters only, at most 40 of them. */
    static String excerpt(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints()
                .limit(MAX_EXCERPT + 1L)
                .forEach(c -> shown.appendCodePoint(
                        Character.isISOControl(c) || c == '\uFFFD' || !Character.isDefined(c) ? '?' : c));
        return shown.codePointCount(0, shown.length()) > MAX_EXCERPT
                ? shown.substring(0, shown.offsetByCodePoints(0, MAX_EXCERPT - 1)) + "…"
                : shown.toString();
    }

    private static InputStream bytes(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }
}
