package org.layerlab.core.stack;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One setting of a layer kind: its name (as files and the property sheet spell it), its type, a line of
 * help, the allowed values of a choice, and how to read it from a layer.
 */
public record SettingSpec<L extends Layer>(
        String name, Type type, String help, List<String> choices, Function<L, Object> read) {

    /** Whole numbers, numbers, yes/no, or one of a few words. */
    public enum Type {
        WHOLE_NUMBER,
        NUMBER,
        YES_NO,
        CHOICE
    }

    public SettingSpec {
        choices = List.copyOf(choices);
    }

    static <L extends Layer> SettingSpec<L> wholeNumber(String name, String help, Function<L, Integer> read) {
        return new SettingSpec<>(name, Type.WHOLE_NUMBER, help, List.of(), read::apply);
    }

    static <L extends Layer> SettingSpec<L> number(String name, String help, Function<L, Double> read) {
        return new SettingSpec<>(name, Type.NUMBER, help, List.of(), read::apply);
    }

    static <L extends Layer> SettingSpec<L> yesNo(String name, String help, Function<L, Boolean> read) {
        return new SettingSpec<>(name, Type.YES_NO, help, List.of(), read::apply);
    }

    static <L extends Layer> SettingSpec<L> choice(
            String name, String help, List<String> choices, Function<L, String> read) {
        return new SettingSpec<>(name, Type.CHOICE, help, choices, read::apply);
    }

    /**
     * Why {@code value} cannot be a whole-number setting, as "must be ..." for the setting's name to precede;
     * null when it can. A number too large is told apart from a fraction: 10^11 is whole, just too large.
     */
    public static String wholeNumberProblem(BigDecimal value) {
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            return "must be a whole number but is " + value.toPlainString();
        }
        if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return String.format(Locale.ROOT, "must be at most %,d (is %,d)", Integer.MAX_VALUE, value.toBigInteger());
        }
        if (value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            return String.format(Locale.ROOT, "must be at least %,d (is %,d)", Integer.MIN_VALUE, value.toBigInteger());
        }
        return null;
    }
}
