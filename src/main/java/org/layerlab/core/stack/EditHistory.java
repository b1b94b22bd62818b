package org.layerlab.core.stack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo and redo over immutable values: every edit records the value before it. Because a LayerStack is
 * immutable, undoing is putting the previous value back; no edit needs an inverse of its own.
 */
public final class EditHistory<T> {
    /** A value with the words that describe the edit that produced it ("Add Dense", "Move Flatten"). */
    public record Entry<T>(T value, String description) {}

    private final Deque<Entry<T>> undo = new ArrayDeque<>();
    private final Deque<Entry<T>> redo = new ArrayDeque<>();
    private final int limit;
    private Entry<T> current;

    public EditHistory(T initial, int limit) {
        this.current = new Entry<>(initial, "");
        this.limit = limit;
    }

    public T current() {
        return current.value();
    }

    /** Records an edit; clears what could be redone. */
    public void apply(T value, String description) {
        undo.push(current);
        if (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
        current = new Entry<>(value, description);
    }

    /**
     * Records an edit, or, when the last edit had the same description and nothing was undone since,
     * replaces its result: typing "128" into a field is one edit to undo, not three.
     */
    public void applyOrMerge(T value, String description) {
        if (canUndo() && redo.isEmpty() && current.description().equals(description)) {
            current = new Entry<>(value, description);
        } else {
            apply(value, description);
        }
    }

    /** Starts over from a value, forgetting every edit (a new or opened project). */
    public void reset(T value) {
        undo.clear();
        redo.clear();
        current = new Entry<>(value, "");
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What undo would take back, e.g. "Add Dense". */
    public Optional<String> undoDescription() {
        return canUndo() ? Optional.of(current.description()) : Optional.empty();
    }

    public Optional<String> redoDescription() {
        return canRedo() ? Optional.of(redo.peek().description()) : Optional.empty();
    }

    public T undo() {
        if (canUndo()) {
            redo.push(current);
            current = undo.pop();
        }
        return current.value();
    }

    public T redo() {
        if (canRedo()) {
            undo.push(current);
            current = redo.pop();
        }
        return current.value();
    }
}
