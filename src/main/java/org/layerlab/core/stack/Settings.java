package org.layerlab.core.stack;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a layer's settings, in words a student can act on. */
final class Settings {
    private final List<String> problems = new ArrayList<>();

    Settings positive(String name, int value) {
        if (value <= 0) {
            problems.add(name + " must be at least 1 but is " + value);
        }
        return this;
    }

    Settings check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
        return this;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
