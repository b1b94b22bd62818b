package org.layerlab.core.lesson;

import java.util.List;
import org.layerlab.core.training.TrainingOutcome;

/**
 * A guided lesson: a bundled sample, the runs to train on it one after another, what to try and watch for
 * while they run ({@code guide}), and the rule that says afterwards what happened.
 */
public record Lesson(
        String id, String title, String summary, String guide, String sample, List<LessonRun> runs, Debrief debrief) {

    public Lesson {
        runs = List.copyOf(runs);
    }

    /**
     * What happened, read from the runs' figures (in the lesson's order). A lesson stopped before all its runs
     * ended, or whose run failed, has nothing to compare, and says so.
     */
    public String whatHappened(List<RunFigures> figures) {
        boolean stopped = figures.stream().anyMatch(f -> f.outcome() == TrainingOutcome.CANCELLED);
        if (stopped || figures.size() < runs.size()) {
            long finished = figures.stream()
                    .filter(f -> f.outcome() != TrainingOutcome.CANCELLED)
                    .count();
            return "The lesson was stopped after " + finished + " of its " + runs.size()
                    + " runs, so there is nothing to compare yet. Press Start lesson to run it again.";
        }
        return figures.stream()
                .filter(f -> f.outcome() == TrainingOutcome.FAILED)
                .findFirst()
                .map(f -> "The run \"" + f.role() + "\" failed (its message is above the charts), so the lesson "
                        + "cannot compare its runs.")
                .orElseGet(() -> debrief.whatHappened(figures));
    }
}
