package org.layerlab.ui.help;

import org.layerlab.core.explain.Explanation;

/** What the Help panel shows: an explanation, and for a layer in the stack the sentences about its numbers. */
public record HelpEntry(Explanation explanation, String numbers) {

    public static HelpEntry of(Explanation explanation) {
        return new HelpEntry(explanation, "");
    }
}
