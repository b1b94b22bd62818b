package org.layerlab.core.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EditHistoryTest {

    @Test
    void undoAndRedoWalkThroughTheEdits() {
        EditHistory<String> history = new EditHistory<>("a", 10);
        history.apply("ab", "Add b");
        history.apply("abc", "Add c");
        assertEquals(Optional.of("Add c"), history.undoDescription());
        assertEquals("ab", history.undo());
        assertEquals("a", history.undo());
        assertFalse(history.canUndo());
        assertEquals("a", history.undo(), "undo with nothing to undo changes nothing");
        assertEquals(Optional.of("Add b"), history.redoDescription());
        assertEquals("ab", history.redo());
        history.apply("abd", "Add d");
        assertFalse(history.canRedo(), "a new edit forgets what could be redone");
        assertEquals("ab", history.undo());
    }

    @Test
    void keepsAtMostTheLimit() {
        EditHistory<Integer> history = new EditHistory<>(0, 3);
        for (int i = 1; i <= 5; i++) {
            history.apply(i, "set " + i);
        }
        history.undo();
        history.undo();
        history.undo();
        assertEquals(2, history.current());
        assertFalse(history.canUndo());
        history.reset(9);
        assertFalse(history.canRedo());
        assertTrue(history.current() == 9);
    }
}
