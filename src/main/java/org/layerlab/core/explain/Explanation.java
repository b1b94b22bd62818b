package org.layerlab.core.explain;

import java.util.List;

/**
 * What the Help panel says about one thing a student can choose (a layer kind, an activation, a loss, an
 * optimizer, a training setting): a few plain sentences, its formula as LaTeX (empty where a formula would not
 * help), what each of its settings changes, and a value to start from.
 */
public record Explanation(String title, String summary, String formula, List<Setting> settings, String typical) {

    public Explanation {
        settings = List.copyOf(settings);
    }

    /** One setting and what changing it does. */
    public record Setting(String name, String effect) {}

    static Setting setting(String name, String effect) {
        return new Setting(name, effect);
    }
}
