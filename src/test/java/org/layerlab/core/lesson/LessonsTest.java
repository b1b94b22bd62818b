package org.layerlab.core.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.core.training.TrainingEvent.EpochEnded;
import org.layerlab.core.training.TrainingOutcome;

/** The "what happened" sentences, read from hand-made figures. */
class LessonsTest {

    /** Epochs with the given training and validation figures: {trainLoss, trainAcc, valLoss, valAcc} each. */
    private static List<EpochEnded> epochs(double[]... figures) {
        List<EpochEnded> epochs = new ArrayList<>();
        for (double[] f : figures) {
            epochs.add(new EpochEnded(
                    epochs.size() + 1, figures.length, f[0], f[1], f[2], f[3], Duration.ofSeconds(1), 1000));
        }
        return epochs;
    }

    private static RunFigures completed(String role, double test, long parameters, List<EpochEnded> epochs) {
        return new RunFigures(role, TrainingOutcome.COMPLETED, epochs.size(), epochs, test, 0, parameters);
    }

    /** Fails naming the whole text when {@code text} lacks any of {@code parts}. */
    private static void assertSays(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected \"" + part + "\" in: " + text);
        }
    }

    private static final List<EpochEnded> ONE_EPOCH = epochs(new double[] {0.3, 0.9, 0.2, 0.95});

    @Test
    void mlpVersusCnnNamesBothAccuraciesAndTheRatioOfParameters() {
        String text = Lessons.MLP_VERSUS_CNN.whatHappened(
                List.of(completed("MLP", 0.971, 101_770, ONE_EPOCH), completed("CNN", 0.982, 12_721, ONE_EPOCH)));

        assertTrue(
                text.startsWith("The CNN reached 98.2 % on the test data, the MLP 97.1 %, with 8.0× fewer parameters "
                        + "(12,721 against 101,770)."),
                text);
        assertSays(text, "small patches");
    }

    @Test
    void aCnnWithMoreParametersThatLosesIsSaidSoToo() {
        String text = Lessons.MLP_VERSUS_CNN.whatHappened(
                List.of(completed("MLP", 0.975, 100_000, ONE_EPOCH), completed("CNN", 0.970, 120_000, ONE_EPOCH)));

        assertSays(text, "with 1.2× the parameters", "the MLP did as well");
    }

    @Test
    void theLearningRateLessonReadsTheDivergedRun() {
        RunFigures small = completed(
                "lr 0.001", 0.671, 9_610, epochs(new double[] {2.3, 0.1, 2.2, 0.2}, new double[] {1.2, 0.6, 1.2, 0.6}));
        RunFigures right = completed(
                "lr 0.1", 0.975, 9_610, epochs(new double[] {0.9, 0.8, 0.4, 0.9}, new double[] {0.1, 0.97, 0.1, 0.97}));
        RunFigures big = new RunFigures("lr 10", TrainingOutcome.DIVERGED, 20, List.of(), Double.NaN, 0, 9_610);

        String text = Lessons.LEARNING_RATE.whatHappened(List.of(small, right, big));

        assertSays(
                text,
                "With lr 0.001 the training loss went from 2.300 to 1.200 in 2 epochs, 67.1 % on the test data.",
                "With lr 10 the loss blew up to NaN in epoch 1 and LayerLab stopped the run",
                "Best: lr 0.1, 97.5 % on the test data.");
    }

    @Test
    void theRaceRanksTheOptimizersByTheirLastValidationLoss() {
        List<RunFigures> runs = List.of(
                completed("SGD", 0.936, 1, epochs(new double[] {0.3, 0.9, 0.182, 0.96})),
                completed("SGD with momentum", 0.972, 1, epochs(new double[] {0.04, 0.99, 0.057, 0.98})),
                completed("AdaGrad", 0.972, 1, epochs(new double[] {0.07, 0.99, 0.055, 0.98})),
                completed("Adam", 0.981, 1, epochs(new double[] {0.05, 0.99, 0.046, 0.99})),
                new RunFigures("RMSprop", TrainingOutcome.DIVERGED, 20, List.of(), Double.NaN, 0, 1));

        String text = Lessons.OPTIMIZER_RACE.whatHappened(runs);

        assertTrue(
                text.startsWith("Validation loss after the last epoch, lowest first: Adam 0.046, AdaGrad 0.055, "
                        + "SGD with momentum 0.057, SGD 0.182."),
                text);
        assertSays(
                text,
                "On the test data: Adam 98.1 %, AdaGrad 97.2 %, SGD with momentum 97.2 %, SGD 93.6 %.",
                "Adam won the race; SGD came last.",
                "RMSprop diverged and was stopped.");
    }

    @Test
    void overfittingReadsTheGapAndTheEpochEarlyStoppingKept() {
        RunFigures plain =
                completed("big MLP", 0.928, 300_000, epochs(new double[] {0.5, 0.9, 0.30, 0.91}, new double[] {
                    0.01, 1.0, 0.32, 0.92
                }));
        RunFigures helped = new RunFigures(
                "with Dropout and early stopping",
                TrainingOutcome.STOPPED_EARLY,
                60,
                epochs(new double[] {0.6, 0.85, 0.35, 0.90}, new double[] {0.2, 0.95, 0.29, 0.93}, new double[] {
                    0.1, 0.98, 0.31, 0.92
                }),
                0.942,
                2,
                300_000);

        String text = Lessons.OVERFITTING.whatHappened(List.of(plain, helped));

        assertSays(
                text,
                "The big MLP reached 100.0 % accuracy on its training samples but 92.0 % on the "
                        + "validation data: a gap of 8.0 points.",
                "The validation loss was lowest in epoch 1 (0.300) and rose to 0.320",
                "early stopping ended the run after epoch 3 of 60 and kept the weights of epoch 2; there "
                        + "the gap was 2.0 points (training 95.0 %, validation 93.0 %)",
                "On the test data: 94.2 % with Dropout and early stopping, 92.8 % without.");
    }

    @Test
    void theTextLessonSaysWhereTheValidationLossTurned() {
        RunFigures lstm = completed(
                "Embedding + LSTM",
                0.679,
                330_000,
                epochs(new double[] {0.70, 0.52, 0.69, 0.53}, new double[] {0.56, 0.71, 0.64, 0.64}, new double[] {
                    0.16, 0.94, 0.96, 0.69
                }));

        assertTrue(
                Lessons.TEXT
                        .whatHappened(List.of(lstm))
                        .startsWith("The Embedding and LSTM reached 67.9 % on the test data"),
                Lessons.TEXT.whatHappened(List.of(lstm)));
        assertSays(
                Lessons.TEXT.whatHappened(List.of(lstm)),
                "lowest in epoch 2 (0.640) and rose to 0.960",
                "Training accuracy ended at 94.0 %, validation at 69.0 %.");
    }

    @Test
    void aLessonStoppedPartWaySaysThereIsNothingToCompare() {
        List<RunFigures> runs = List.of(
                completed("SGD", 0.9, 1, ONE_EPOCH),
                new RunFigures("SGD with momentum", TrainingOutcome.CANCELLED, 20, ONE_EPOCH, 0.5, 0, 1));

        assertEquals(
                "The lesson was stopped after 1 of its 5 runs, so there is nothing to compare yet. "
                        + "Press Start lesson to run it again.",
                Lessons.OPTIMIZER_RACE.whatHappened(runs));
    }

    @Test
    void everyLessonHasRunsATextAndAUniqueId() {
        assertEquals(
                Lessons.ALL.size(),
                Lessons.ALL.stream().map(Lesson::id).distinct().count());
        for (Lesson lesson : Lessons.ALL) {
            assertTrue(!lesson.runs().isEmpty() && !lesson.guide().isBlank(), lesson.title());
            lesson.runs().forEach(run -> assertEquals(List.of(), run.config().problems(), lesson.title()));
        }
        assertEquals(5, Lessons.OPTIMIZER_RACE.runs().size());
    }
}
