package org.layerlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** CSV tables for tests that load a student's own file. */
public final class TestTables {

    private TestTables() {}

    /**
     * A table of {@code rows} rows, {@code features} measurement columns and a last column "kind" with
     * {@code classes} classes (a, b, c, ...) in turn: each class is a cloud of points around its own corner,
     * well enough apart for a small network to tell them apart.
     */
    public static Path clouds(Path file, int rows, int features, int classes, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        for (int f = 0; f < features; f++) {
            csv.append("m").append(f + 1).append(',');
        }
        csv.append("kind\n");
        for (int r = 0; r < rows; r++) {
            int kind = r % classes;
            for (int f = 0; f < features; f++) {
                double centre = f % classes == kind ? 3 : 0;
                csv.append(String.format(Locale.ROOT, "%.3f,", centre + random.nextGaussian()));
            }
            csv.append((char) ('a' + kind)).append('\n');
        }
        Files.writeString(file, csv);
        return file;
    }
}
