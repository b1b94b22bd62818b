package org.layerlab.data;

/**
 * Reads numbers straight from a record's characters, as Tablesaw read them before: whitespace around is
 * ignored and commas are thousands separators (1,234 is 1234). Plain decimals (up to 15 digits) are parsed
 * without making a String, exactly: both the digits and the power of ten are exact doubles, so one division
 * rounds correctly. Anything else (exponents, long numbers) goes to {@link Double#parseDouble}.
 */
final class NumberCells {
    private static final int FAST_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** What a cell looks like, for the decimal-comma check. */
    enum Kind {
        /** Digits only, maybe with a minus sign: 42, -7. */
        WHOLE,
        /** Digits with a decimal point: 3.25, -.5. */
        POINT,
        /** Anything else: words, exponents, commas, missing-value marks. */
        OTHER
    }

    private Kind kind = Kind.OTHER;

    /** What the cell last given to {@link #parse} looked like. */
    Kind kind() {
        return kind;
    }

    /** The number in a cell, or NaN when it is not one; {@link #kind} then tells what the cell looked like. */
    double parse(char[] chars, int start, int end) {
        int from = skipSpaces(chars, start, end);
        int to = trimEnd(chars, from, end);
        boolean negative = false;
        boolean signed = false;
        int i = from;
        if (i < to && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            signed = true;
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = -1;
        for (; i < to; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                mantissa = digits < FAST_DIGITS ? mantissa * 10 + (c - '0') : mantissa;
                digits++;
                decimals += decimals >= 0 ? 1 : 0;
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                kind = Kind.OTHER;
                return parseSlowly(new String(chars, from, to - from));
            }
        }
        // As the decimal-comma check's patterns have it, a plain number has at most a minus sign.
        kind = digits == 0 || (signed && !negative) ? Kind.OTHER : decimals < 0 ? Kind.WHOLE : Kind.POINT;
        if (digits == 0 || digits > FAST_DIGITS) {
            return parseSlowly(new String(chars, from, to - from));
        }
        double value = decimals <= 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals];
        return negative ? -value : value;
    }

    /** Commas are thousands separators, as in Tablesaw's reading of numbers. */
    static double parseSlowly(String text) {
        try {
            return Double.parseDouble(text.replace(",", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static int skipSpaces(char[] chars, int start, int end) {
        int i = start;
        while (i < end && Character.isWhitespace(chars[i])) {
            i++;
        }
        return i;
    }

    private static int trimEnd(char[] chars, int start, int end) {
        int i = end;
        while (i > start && Character.isWhitespace(chars[i - 1])) {
            i--;
        }
        return i;
    }
}
