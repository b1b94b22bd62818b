package org.layerlab.core.lesson;

import java.util.List;

/** A lesson's rule for "what happened": a few sentences read from its runs' figures, in the lesson's order. */
@FunctionalInterface
public interface Debrief {
    String whatHappened(List<RunFigures> runs);
}
