package org.layerlab.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.layerlab.data.DataLoadException;

class FailureSentenceTest {

    @Test
    void theWindowShowsTheFirstExplainedFailureInTheChainOfCauses() {
        DataLoadException explained = new DataLoadException("bad.csv line 3: has 2 cells; fix that line.");
        assertEquals(explained.getMessage(), FailureSentence.forWindow(new RuntimeException("task", explained)));
        assertEquals(
                "Could not read or write a file: disk full",
                FailureSentence.forWindow(new UncheckedIOException(new IOException("disk full"))));
        assertEquals(
                "Something went wrong (IllegalStateException: odd).",
                FailureSentence.forWindow(new IllegalStateException("odd")));
    }

    @Test
    void theTerminalNamesTheFailureItIsGiven() {
        assertEquals("bad.csv: empty.", FailureSentence.forTerminal(new DataLoadException("bad.csv: empty.")));
        assertEquals("could not read or write a file: x", FailureSentence.forTerminal(new IOException("x")));
        assertEquals(
                "out of memory; use less data or a smaller network, or give Java more memory with -Xmx.",
                FailureSentence.forTerminal(new OutOfMemoryError()));
        assertEquals(
                "unexpected IllegalStateException: odd (please report this with the command you ran)",
                FailureSentence.forTerminal(new IllegalStateException("odd")));
    }
}
