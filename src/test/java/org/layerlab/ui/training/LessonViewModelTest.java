package org.layerlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.lesson.Lesson;
import org.layerlab.core.lesson.LessonRun;
import org.layerlab.core.lesson.RunFigures;
import org.layerlab.core.lesson.StackRecipe;
import org.layerlab.core.project.DataSettings;
import org.layerlab.core.project.RunRecord;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.core.training.TrainingOutcome;
import org.layerlab.testing.TinyData;
import org.layerlab.ui.SameThread;
import org.layerlab.ui.project.ProjectState;
import org.layerlab.ui.project.RunModels;

/** A lesson's runs, started one after another as ordinary runs; no window, no real training. */
class LessonViewModelTest {
    @TempDir
    Path home;

    private final ProjectState state = new ProjectState();
    private final List<String> stacksUsed = new ArrayList<>();

    private static final Lesson TWO_RUNS = new Lesson(
            "two",
            "Two runs",
            "A small and a wide layer",
            "Watch both.",
            "blobs",
            List.of(
                    new LessonRun("small", StackRecipe.layers(new Dense(2)), epochs(1)),
                    new LessonRun("wide", StackRecipe.layers(new Dense(8)), epochs(2))),
            runs -> runs.stream()
                    .map(r -> r.role() + " " + r.outcome() + " " + r.epochsPlanned())
                    .collect(Collectors.joining(", ")));

    /** Settings that keep the blobs' own split (validation 0.2, seed 1), so that nothing is loaded again. */
    private static TrainingConfig epochs(int epochs) {
        TrainingConfig d = TrainingConfig.DEFAULT;
        return new TrainingConfig(d.optimizer(), d.loss(), epochs, 8, 0.2, 1, EarlyStopping.OFF);
    }

    private LessonViewModel lessonOn(TrainingEngine engine) {
        SameThread same = new SameThread();
        TrainingViewModel training =
                new TrainingViewModel(state, engine, new RunModels(state, engine, same, home), same, same);
        state.dataSettingsProperty().set(DataSettings.sample("blobs"));
        state.datasetProperty().set(TinyData.blobs(20, 1, 1f));
        return new LessonViewModel(state, training, (stack, description) -> {
            stacksUsed.add(description);
            state.stackProperty().set(stack);
        });
    }

    @Test
    void theRunsTrainInTurnWithTheirOwnNetworkAndSettingsThenTheDebriefReadsThem() {
        LessonViewModel lesson = lessonOn(ScriptedEngine.endingAs(TrainingOutcome.COMPLETED));
        lesson.open(TWO_RUNS);
        lesson.start();

        List<RunRecord> runs = state.runs();
        assertEquals(2, runs.size());
        assertEquals(List.of(1, 2), runs.stream().map(r -> r.config().epochs()).toList());
        assertEquals("small · first run", runs.get(0).label());
        assertEquals(List.of("Lesson: small", "Lesson: small", "Lesson: wide"), stacksUsed);
        assertEquals(
                "small COMPLETED 1, wide COMPLETED 2",
                lesson.whatHappenedProperty().get());
        assertEquals("Lesson finished: 2 runs.", lesson.statusProperty().get());
        assertFalse(lesson.activeProperty().get());
    }

    @Test
    void aRunStoppedByTheStudentEndsTheLesson() {
        LessonViewModel lesson = lessonOn(ScriptedEngine.endingAs(TrainingOutcome.CANCELLED));
        lesson.open(TWO_RUNS);
        lesson.start();

        assertEquals(1, state.runs().size(), "the second run never starts");
        assertEquals("Lesson stopped.", lesson.statusProperty().get());
        assertEquals(
                TWO_RUNS.whatHappened(
                        List.of(RunFigures.of("small", state.runs().get(0)))),
                lesson.whatHappenedProperty().get());
    }

    @Test
    void otherDataLoadedMeanwhileIsNamedInsteadOfTrainingOnIt() {
        LessonViewModel lesson = lessonOn(ScriptedEngine.endingAs(TrainingOutcome.COMPLETED));
        lesson.open(TWO_RUNS);
        state.dataSettingsProperty().set(DataSettings.sample("iris"));
        lesson.start();

        assertEquals(0, state.runs().size());
        assertEquals(
                "The lesson needs the sample \"blobs\", which is no longer loaded. Open the lesson again from the "
                        + "Welcome tab.",
                lesson.statusProperty().get());
    }
}
