package org.layerlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.layerlab.core.data.TokenFeatures;

/**
 * Splits sentences into lower-case words (letters, digits and inner apostrophes) and maps them to token
 * ids. Shared by the text loader and by prediction on new sentences.
 */
public final class Tokenizer {

    private Tokenizer() {}

    public static List<String> words(String sentence) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = sentence.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean inner =
                    c == '\'' && word.length() > 0 && i + 1 < lower.length() && Character.isLetter(lower.charAt(i + 1));
            if (Character.isLetterOrDigit(c) || inner) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * Writes the ids of a sentence into {@code out} at {@code offset}: padded at the front with 0 so that the
     * last step of a recurrent layer always sees the sentence's last word; words past the length are cut.
     */
    public static void encode(List<String> words, Map<String, Integer> ids, int length, int[] out, int offset) {
        int used = Math.min(words.size(), length);
        int pad = length - used;
        for (int i = 0; i < pad; i++) {
            out[offset + i] = TokenFeatures.PADDING;
        }
        for (int i = 0; i < used; i++) {
            out[offset + pad + i] = ids.getOrDefault(words.get(i), TokenFeatures.UNKNOWN);
        }
    }
}
