package org.layerlab.core.lesson;

import java.util.Locale;

/** How the lessons write their figures: accuracies as "98.2 %", losses as "0.043", ratios as "1.2×". */
final class Figures {
    private Figures() {}

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** A difference of two accuracies, in percentage points: "8.0 points". */
    static String points(double fraction) {
        return String.format(Locale.ROOT, "%.1f points", fraction * 100);
    }

    static String loss(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.1f×", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** "98.2 % on the test data", or why there is no such figure. */
    static String test(RunFigures run) {
        if (run.diverged()) {
            return "no test figure (it diverged)";
        }
        return Double.isNaN(run.testAccuracy()) ? "no test figure" : percent(run.testAccuracy()) + " on the test data";
    }

    /** "97.1 %", or "no figure" for a run without a model. */
    static String accuracy(RunFigures run) {
        return Double.isNaN(run.testAccuracy()) ? "no figure" : percent(run.testAccuracy());
    }
}
