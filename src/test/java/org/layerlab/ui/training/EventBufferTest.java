package org.layerlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.core.training.TrainingEvent;
import org.layerlab.core.training.TrainingOutcome;

/** What reaches the screen from a run's events, with the screen's interval far longer than the test. */
class EventBufferTest {
    private final List<EventBuffer.Update> screen = new ArrayList<>();
    private final EventBuffer buffer = new EventBuffer(Runnable::run, screen::add, 60_000_000_000L);

    @Test
    void theFirstBatchGoesOutAtOnceThenAtMostOneBatchUpdatePerIntervalAndEveryMilestone() {
        buffer.onEvent(new TrainingEvent.Started(1, 3, 30, 0));
        buffer.onEvent(new TrainingEvent.BatchEnded(1, 1, 3, 2.3, 0.1, 100));
        assertEquals(2, screen.size(), "Started, then the first batch: a curve begins at its first loss");
        assertNotNull(screen.get(1).lastBatch());
        assertEquals(2.3, screen.get(1).smoothedLoss(), 1e-9);

        buffer.onEvent(new TrainingEvent.BatchEnded(1, 2, 3, 2.0, 0.2, 100));
        assertEquals(2, screen.size(), "the next batch waits for the interval");
        buffer.onEvent(new TrainingEvent.Finished(TrainingOutcome.COMPLETED, "done"));
        assertEquals(3, screen.size(), "a milestone goes out at once");
        assertEquals(2, screen.get(2).lastBatch().batch(), "with the latest batch");
    }
}
