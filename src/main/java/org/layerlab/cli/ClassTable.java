package org.layerlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.layerlab.core.training.ConfusionMatrix;

/** The per-class figures and the confusion matrix that evaluate prints; no class name is ever cut short. */
final class ClassTable {
    private static final int MAX_MATRIX_CLASSES = 12;
    private static final int FIGURE = 9;

    private ClassTable() {}

    static void print(PrintWriter out, ConfusionMatrix confusion, List<String> names) {
        int nameWidth = Math.max("Class".length(), longest(names));
        out.println(left("Class", nameWidth)
                + right("Precision", FIGURE)
                + right("Recall", FIGURE)
                + right("F1", FIGURE)
                + right("Samples", FIGURE));
        for (int c = 0; c < names.size(); c++) {
            out.println(left(names.get(c), nameWidth)
                    + figure(confusion.precision(c))
                    + figure(confusion.recall(c))
                    + figure(confusion.f1(c))
                    + right(Integer.toString(confusion.support(c)), FIGURE));
        }
        out.println();
        if (names.size() > MAX_MATRIX_CLASSES) {
            out.println("The confusion matrix is left out: it has more than " + MAX_MATRIX_CLASSES + " classes.");
            return;
        }
        int cell = Math.max(
                Math.max(longest(names), Integer.toString(confusion.total()).length()), 3);
        out.println("Confusion matrix (rows: actual, columns: predicted)");
        StringBuilder header = new StringBuilder(left("", nameWidth));
        names.forEach(n -> header.append(right(n, cell)));
        out.println(header);
        for (int a = 0; a < names.size(); a++) {
            StringBuilder row = new StringBuilder(left(names.get(a), nameWidth));
            for (int p = 0; p < names.size(); p++) {
                row.append(right(Integer.toString(confusion.count(a, p)), cell));
            }
            out.println(row);
        }
    }

    private static int longest(List<String> names) {
        return names.stream().mapToInt(String::length).max().orElse(0);
    }

    private static String figure(double value) {
        return right(String.format(Locale.ROOT, "%.3f", value), FIGURE);
    }

    /** {@code text} padded to {@code width}, never cut. */
    private static String left(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** A space, then {@code text} right-aligned in {@code width}, never cut. */
    private static String right(String text, int width) {
        return " " + " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
