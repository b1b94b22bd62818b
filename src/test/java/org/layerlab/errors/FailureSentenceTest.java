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
        assertEquals("Could not finish: odd.", FailureSentence.forWindow(new IllegalStateException("odd")));
    }

    @Test
    void theTerminalNamesTheFailureItIsGiven() {
        assertEquals("bad.csv: empty.", FailureSentence.forTerminal(new DataLoadException("bad.csv: empty.")));
        assertEquals("could not read or write a file: x", FailureSentence.forTerminal(new IOException("x")));
        assertEquals(
                "out of memory; use less data or a smaller network, or give Java more memory with -Xmx.",
                FailureSentence.forTerminal(new OutOfMemoryError()));
        assertEquals("could not finish: odd.", FailureSentence.forTerminal(new IllegalStateException("odd")));
    }

    @Test
    void anUnexplainedFailureIsOneShortPrintableLineWithoutTheExceptionsName() {
        assertEquals(
                "could not finish: size 5 but buffer 4.",
                FailureSentence.forTerminal(
                        new IllegalArgumentException("size 5 but buffer 4\n  at native frame 0x7f")));
        assertEquals(
                "could not finish: ?PNG??.",
                FailureSentence.forTerminal(new IllegalArgumentException("\u0089PNG\r\u001a")));
        assertEquals("could not finish: no reason was given.", FailureSentence.forTerminal(new NullPointerException()));
    }
}
