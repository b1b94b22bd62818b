package org.layerlab.core.stack;

import java.util.List;
import java.util.function.Function;

/** The settings LSTM and GRU layers share. */
final class Recurrent {

    private Recurrent() {}

    static <L extends Layer> List<SettingSpec<L>> settings(
            Function<L, Integer> units, Function<L, Boolean> returnSequences) {
        return List.of(
                SettingSpec.wholeNumber("units", "Size of the memory (hidden state).", units),
                SettingSpec.yesNo(
                        "return_sequences",
                        "Output every step (for another recurrent layer) instead of only the last.",
                        returnSequences));
    }
}
