package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Dropout;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.Gru;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.Lstm;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.Padding;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.MemoryBudget;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.Prediction;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingEvent;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.core.training.TrainingOutcome;
import org.layerlab.core.training.TrainingResult;
import org.layerlab.files.ModelBundle;
import org.layerlab.testing.TinyData;

class DjlTrainingEngineTest {
    private static final LayerStack MLP =
            LayerStack.of(TensorShape.of(2), new Dense(16), Activation.RELU, new Dense(2));
    private final DjlTrainingEngine engine = new DjlTrainingEngine();

    private static TrainingConfig config(OptimizerKind kind, double lr, int epochs) {
        return TrainingConfig.DEFAULT
                .withOptimizer(OptimizerSettings.defaults(kind).withLearningRate(lr))
                .withEpochs(epochs)
                .withBatchSize(16);
    }

    private TrainingResult train(Dataset data, LayerStack stack, TrainingConfig config) {
        return engine.train(data, stack, config, TrainingObserver.NONE, new TrainingControl());
    }

    @ParameterizedTest
    @CsvSource({"SGD, 0.1", "MOMENTUM, 0.05", "ADAGRAD, 0.1", "RMSPROP, 0.01", "ADAM, 0.01"})
    void everyOptimizerLearnsSeparableClouds(OptimizerKind kind, double lr) {
        Dataset data = TinyData.blobs(100, 1, 1f);
        TrainingResult result = train(data, MLP, config(kind, lr, 15));
        assertEquals(TrainingOutcome.COMPLETED, result.outcome());
        try (TrainedModel model = result.model()) {
            assertTrue(model.evaluate(data.test()).accuracy() > 0.95, kind + " did not learn");
            List<TrainingEvent.EpochEnded> epochs = result.epochs();
            assertTrue(epochs.get(epochs.size() - 1).trainLoss() < epochs.get(0).trainLoss());
        }
    }

    /** The light per-epoch validation (no per-sample predictions) must say what a full evaluation says. */
    @Test
    void anEpochsValidationFiguresAreThoseOfAFullEvaluation() {
        Dataset data = TinyData.blobs(60, 4, 1f);
        TrainingResult result = train(data, MLP, config(OptimizerKind.ADAM, 0.01, 2));
        try (TrainedModel model = result.model()) {
            TrainingEvent.EpochEnded last = result.epochs().get(1);
            org.layerlab.core.training.Evaluation full = model.evaluate(data.validation());
            assertEquals(full.loss(), last.validationLoss(), 1e-5);
            assertEquals(full.accuracy(), last.validationAccuracy(), 1e-9);
        }
    }

    @Test
    void aStackThatFailsToBuildEndsAsFailedWithAnEndEvent() {
        // A Conv2D stack cannot be built for the blobs' 2 features: the model fails while it is built.
        LayerStack image = LayerStack.of(TensorShape.of(1, 4, 4), new Conv2D(2, 3), new Flatten(), new Dense(3));
        List<TrainingEvent> events = new ArrayList<>();
        TrainingResult result = new DjlTrainingEngine()
                .train(
                        TinyData.blobs(10, 1, 1f),
                        image,
                        config(OptimizerKind.ADAM, 0.01, 1),
                        events::add,
                        new TrainingControl());
        assertEquals(TrainingOutcome.FAILED, result.outcome());
        assertNull(result.model());
        assertTrue(result.message().startsWith("Training failed: "), result.message());
        assertEquals(List.of(new TrainingEvent.Finished(TrainingOutcome.FAILED, result.message())), events);
    }

    @Test
    void aStackLargerThanTheBudgetEndsBeforeAnythingIsAllocated() {
        // Dense(2,000,000,000) on 2 inputs would need about 388 GB; this engine may use 3 GB.
        DjlTrainingEngine small = new DjlTrainingEngine(MemoryBudget.shareOf(4L << 30));
        LayerStack huge = LayerStack.of(TensorShape.of(2), new Dense(2_000_000_000), new Dense(2));
        List<TrainingEvent> events = new ArrayList<>();
        TrainingResult result = small.train(
                TinyData.blobs(10, 1, 1f),
                huge,
                config(OptimizerKind.ADAM, 0.01, 1),
                events::add,
                new TrainingControl());
        assertEquals(TrainingOutcome.FAILED, result.outcome());
        assertNull(result.model());
        assertTrue(result.message().startsWith("Layer 1 (Dense) alone needs"), result.message());
        assertTrue(result.message().contains("LayerLab may use 3.0 GB of this machine's 4.0 GB"), result.message());
        assertEquals(List.of(new TrainingEvent.Finished(TrainingOutcome.FAILED, result.message())), events);
    }

    @Test
    void reportsEveryBatchAndEpoch() {
        Dataset data = TinyData.blobs(100, 2, 1f);
        List<TrainingEvent> events = new ArrayList<>();
        try (TrainedModel model = engine.train(
                        data, MLP, config(OptimizerKind.ADAM, 0.01, 2), events::add, new TrainingControl())
                .model()) {
            assertNotNull(model);
        }
        assertTrue(events.get(0) instanceof TrainingEvent.Started);
        long batches = events.stream()
                .filter(e -> e instanceof TrainingEvent.BatchEnded)
                .count();
        assertEquals(2 * 7, batches, "100 samples in batches of 16 is 7 batches per epoch");
        TrainingEvent.EpochEnded second = (TrainingEvent.EpochEnded) events.get(events.size() - 2);
        assertEquals(2, second.epoch());
        assertTrue(second.validationAccuracy() >= 0 && second.samplesPerSecond() > 0);
        assertTrue(events.get(events.size() - 1) instanceof TrainingEvent.Finished);
    }

    @Test
    void sameSeedGivesTheSameRun() {
        Dataset data = TinyData.blobs(60, 3, 1f);
        LayerStack stack =
                LayerStack.of(TensorShape.of(2), new Dense(8), Activation.RELU, new Dropout(0.3), new Dense(2));
        TrainingResult a = train(data, stack, config(OptimizerKind.ADAM, 0.01, 3));
        TrainingResult b = train(data, stack, config(OptimizerKind.ADAM, 0.01, 3));
        TrainingResult c =
                train(data, stack, config(OptimizerKind.ADAM, 0.01, 3).withSeed(99));
        a.model().close();
        b.model().close();
        c.model().close();
        for (int i = 0; i < 3; i++) {
            assertEquals(a.epochs().get(i).trainLoss(), b.epochs().get(i).trainLoss(), 0.0);
        }
        assertTrue(a.epochs().get(2).trainLoss() != c.epochs().get(2).trainLoss());
    }

    @Test
    void divergingLossStopsWithAdviceOnTheLearningRate() {
        Dataset data = TinyData.blobs(60, 4, 1e19f);
        TrainingResult result = train(data, MLP, config(OptimizerKind.SGD, 5, 3).withLoss(LossKind.MEAN_SQUARED_ERROR));
        assertEquals(TrainingOutcome.DIVERGED, result.outcome());
        assertNull(result.model());
        assertTrue(
                result.message()
                        .matches(
                                "The loss became (NaN|infinite) at epoch 1, batch \\d+: training "
                                        + "diverged\\. Lower the learning rate \\(now 5\\.0\\), for example to 0\\.5, and train again\\."),
                result.message());
    }

    @Test
    void stopBetweenBatches() {
        Dataset data = TinyData.blobs(100, 5, 1f);
        TrainingControl control = new TrainingControl();
        TrainingObserver stopAfterThree = e -> {
            if (e instanceof TrainingEvent.BatchEnded b && b.batch() == 3) {
                control.cancel();
            }
        };
        TrainingResult result = engine.train(data, MLP, config(OptimizerKind.ADAM, 0.01, 5), stopAfterThree, control);
        assertEquals(TrainingOutcome.CANCELLED, result.outcome());
        assertEquals("Stopped at epoch 1, batch 4 of 7.", result.message());
        assertNotNull(result.model(), "a stopped run keeps what it learnt");
        result.model().close();
    }

    @Test
    void aStopInTheMiddleOfAnEpochCanGiveBackTheLastFinishedEpochsWeights() {
        Dataset data = TinyData.blobs(100, 5, 1f);
        TrainingConfig twoEpochs = config(OptimizerKind.ADAM, 0.01, 2);
        TrainingControl control = TrainingControl.rollingBackToFinishedEpoch();
        TrainingObserver stopInEpochThree = e -> {
            if (e instanceof TrainingEvent.BatchEnded b && b.epoch() == 3 && b.batch() == 2) {
                control.cancel();
            }
        };
        try (TrainedModel finishedTwo = train(data, MLP, twoEpochs).model();
                TrainedModel stopped = engine.train(data, MLP, twoEpochs.withEpochs(6), stopInEpochThree, control)
                        .model()) {
            List<Prediction> expected = finishedTwo.predict(data.test().features());
            List<Prediction> actual = stopped.predict(data.test().features());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i).probabilities(), actual.get(i).probabilities(), "sample " + i);
            }
        }
    }

    @Test
    void aStopInTheFirstEpochLeavesNoModelWhenItMustBeAFinishedEpoch() {
        Dataset data = TinyData.blobs(100, 5, 1f);
        TrainingControl control = TrainingControl.rollingBackToFinishedEpoch();
        TrainingObserver stopAfterThree = e -> {
            if (e instanceof TrainingEvent.BatchEnded b && b.batch() == 3) {
                control.cancel();
            }
        };
        TrainingResult result = engine.train(data, MLP, config(OptimizerKind.ADAM, 0.01, 5), stopAfterThree, control);
        assertEquals(TrainingOutcome.CANCELLED, result.outcome());
        assertNull(result.model());
        assertEquals(
                "Stopped at epoch 1, batch 4 of 7, before any epoch had finished: there is no model to keep.",
                result.message());
        assertTrue(result.epochs().isEmpty());
    }

    @Test
    void pauseHoldsTheTrainingThreadUntilResumed() {
        Dataset data = TinyData.blobs(100, 6, 1f);
        TrainingControl control = new TrainingControl();
        AtomicReference<Thread.State> seenWhilePaused = new AtomicReference<>();
        Thread trainingThread = Thread.currentThread();
        TrainingObserver pauseOnce = e -> {
            if (e instanceof TrainingEvent.BatchEnded b && b.epoch() == 1 && b.batch() == 2) {
                control.pause();
                Thread resumer = new Thread(() -> {
                    while (trainingThread.getState() != Thread.State.WAITING) {
                        Thread.onSpinWait();
                    }
                    seenWhilePaused.set(trainingThread.getState());
                    control.resume();
                });
                resumer.setDaemon(true);
                resumer.start();
            }
        };
        TrainingResult result = engine.train(data, MLP, config(OptimizerKind.ADAM, 0.01, 2), pauseOnce, control);
        result.model().close();
        assertEquals(Thread.State.WAITING, seenWhilePaused.get());
        assertEquals(TrainingOutcome.COMPLETED, result.outcome());
        assertEquals(2, result.epochs().size());
    }

    @Test
    void earlyStoppingWhenValidationStopsImproving() {
        Dataset data = TinyData.blobs(60, 7, 1f);
        TrainingConfig config = config(OptimizerKind.ADAM, 1e-12, 10).withEarlyStopping(new EarlyStopping(2, true));
        TrainingResult result = train(data, MLP, config);
        result.model().close();
        assertEquals(TrainingOutcome.STOPPED_EARLY, result.outcome());
        assertEquals(3, result.epochs().size(), "epoch 1 is best, two more without improvement");
        assertTrue(result.message().contains("kept the weights of epoch 1"), result.message());
        assertEquals(1, result.bestEpoch());
    }

    @Test
    void savedModelPredictsExactlyTheSame(@TempDir Path folder) throws Exception {
        Dataset data = TinyData.halves(40, 8);
        LayerStack cnn = LayerStack.of(
                TensorShape.of(1, 8, 8),
                new Conv2D(4, 3, 1, Padding.SAME),
                new BatchNorm(),
                Activation.RELU,
                new MaxPool2D(2),
                new Flatten(),
                new Dense(2),
                new Activation(org.layerlab.core.stack.ActivationFunction.SOFTMAX));
        TrainingResult result = train(data, cnn, config(OptimizerKind.ADAM, 0.01, 5));
        try (TrainedModel model = result.model()) {
            assertTrue(model.evaluate(data.test()).accuracy() > 0.9);
            List<Prediction> before = model.predict(data.test().features());
            ModelBundle.save(model, folder.resolve("model"));
            try (TrainedModel loaded = ModelBundle.load(folder.resolve("model"), engine)) {
                List<Prediction> after = loaded.predict(data.test().features());
                for (int i = 0; i < before.size(); i++) {
                    assertArrayEquals(
                            before.get(i).probabilities(), after.get(i).probabilities());
                }
                assertEquals(model.info().classNames(), loaded.info().classNames());
                assertEquals(model.stack(), loaded.stack());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"BINARY_CROSS_ENTROPY, 1", "BINARY_CROSS_ENTROPY, 2", "MEAN_SQUARED_ERROR, 1", "MEAN_SQUARED_ERROR, 2"})
    void otherLossesLearnWithOneOrTwoOutputs(LossKind loss, int outputs) {
        Dataset data = TinyData.blobs(100, 9, 1f);
        LayerStack stack = LayerStack.of(TensorShape.of(2), new Dense(16), Activation.RELU, new Dense(outputs));
        TrainingResult result =
                train(data, stack, config(OptimizerKind.ADAM, 0.01, 15).withLoss(loss));
        try (TrainedModel model = result.model()) {
            assertTrue(model.evaluate(data.test()).accuracy() > 0.95, loss + " with " + outputs);
            Prediction p = model.predict(data.test().features()).get(0);
            assertEquals(2, p.probabilities().length);
            assertEquals(1f, p.probabilities()[0] + p.probabilities()[1], 1e-3);
        }
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void recurrentLayersLearnWhetherATokenOccurs(boolean lstm) {
        Dataset data = TinyData.tokens(200, 10);
        LayerStack stack = LayerStack.of(
                TensorShape.of(6), new Embedding(20, 8), lstm ? new Lstm(16, false) : new Gru(16, false), new Dense(2));
        TrainingResult result = train(data, stack, config(OptimizerKind.ADAM, 0.02, 12));
        try (TrainedModel model = result.model()) {
            assertTrue(model.evaluate(data.test()).accuracy() > 0.9, (lstm ? "LSTM" : "GRU") + " did not learn");
        }
    }
}
