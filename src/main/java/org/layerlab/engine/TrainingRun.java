package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Samples;
import org.layerlab.core.data.Split;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingEvent;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.core.training.TrainingOutcome;
import org.layerlab.core.training.TrainingResult;

/**
 * One training run: LayerLab's own epoch and batch loop rather than DJL's EasyTrain, so that it can pause
 * and stop between batches, report every batch, and keep native calls per batch to the network's own layers:
 * the batch's rows are gathered, the loss and its gradient computed and the weights updated in Java (see
 * {@link TrainingWorker}). Each batch is trained by a {@link WorkerTeam} of one or two workers.
 */
final class TrainingRun {
    private final Dataset dataset;
    private final LayerStack stack;
    private final TrainingConfig config;
    private final TrainingObserver observer;
    private final TrainingControl control;
    private final BatchPhases phases;
    private final List<TrainingEvent.EpochEnded> epochs = new ArrayList<>();

    TrainingRun(
            Dataset dataset,
            LayerStack stack,
            TrainingConfig config,
            TrainingObserver observer,
            TrainingControl control,
            BatchPhases phases) {
        this.dataset = dataset;
        this.stack = stack;
        this.config = config;
        this.observer = observer;
        this.control = control;
        this.phases = phases;
    }

    TrainingResult run() {
        TorchCalls.recordGradients(false);
        ModelInfo info = new ModelInfo(
                dataset.kind(),
                dataset.inputShape(),
                dataset.classNames(),
                dataset.preprocessing(),
                config.loss(),
                dataset.split(),
                dataset.name(),
                dataset.totalCount());
        DjlModel model = null;
        try {
            model = DjlModel.createSeeded(stack, info, config.seed());
            TrainingResult result = trainInto(model);
            observer.onEvent(new TrainingEvent.Finished(result.outcome(), result.message()));
            return result;
        } catch (RuntimeException | InterruptedException e) {
            if (model != null) {
                model.close();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String message = "Training failed: " + e.getMessage();
            observer.onEvent(new TrainingEvent.Finished(TrainingOutcome.FAILED, message));
            return new TrainingResult(null, TrainingOutcome.FAILED, message, epochs, 0);
        }
    }

    private TrainingResult trainInto(DjlModel model) throws InterruptedException {
        Samples train = dataset.train();
        Samples validation = dataset.validation();
        int batchSize = Math.min(config.batchSize(), train.count());
        int batches = (train.count() + batchSize - 1) / batchSize;
        ThreadPolicy policy = ThreadPolicy.forRun(stack, batchSize);
        phases.recordThreads(policy);
        List<Parameter> parameters = model.parameters();
        List<NDArray> trainable = new ArrayList<>();
        for (Parameter p : parameters) {
            if (p.requiresGradient()) {
                p.getArray().setRequiresGradient(true);
                trainable.add(p.getArray());
            }
        }
        try (BestWeights best = new BestWeights(parameters, config.earlyStopping());
                WeightCopy lastEpoch = new WeightCopy(parameters)) {
            TorchCalls.useThreads(policy.threadsPerWorker());
            Samples gathered = new Samples(TrainingFeatures.forGathering(train.features()), train.labels());
            warmUp(model, gathered, batchSize);
            try (WorkerTeam team = team(policy, model, gathered, trainable)) {
                observer.onEvent(
                        new TrainingEvent.Started(config.epochs(), batches, train.count(), validation.count()));
                long started = System.nanoTime();
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    double lossSum = 0;
                    long correct = 0;
                    int seen = 0;
                    long epochStart = System.nanoTime();
                    int[] order = Split.shuffled(train.count(), config.seed() + epoch);
                    for (int b = 0; b < batches; b++) {
                        phases.start();
                        if (!control.awaitRunnable()) {
                            team.settle();
                            return stopped(model, best, lastEpoch, epoch, b, batches);
                        }
                        phases.lap(BatchPhases.Phase.BOOKKEEPING);
                        long t0 = System.nanoTime();
                        int from = b * batchSize;
                        int to = Math.min(from + batchSize, train.count());
                        team.step(order, from, to);
                        float batchLoss = team.loss();
                        long batchCorrect = team.correct();
                        phases.start();
                        if (!Float.isFinite(batchLoss)) {
                            team.settle();
                            model.close();
                            return new TrainingResult(
                                    null,
                                    TrainingOutcome.DIVERGED,
                                    divergedMessage(epoch, b + 1, batchLoss),
                                    epochs,
                                    0);
                        }
                        int size = to - from;
                        lossSum += batchLoss * size;
                        correct += batchCorrect;
                        seen += size;
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        observer.onEvent(new TrainingEvent.BatchEnded(
                                epoch, b + 1, batches, batchLoss, (double) batchCorrect / size, size / seconds));
                        phases.lap(BatchPhases.Phase.BOOKKEEPING);
                        phases.countBatch();
                    }
                    team.settle(); // the weights are read from here on: validation, best and last epoch
                    double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
                    double[] val = validate(model, validation, policy);
                    TrainingEvent.EpochEnded ended = new TrainingEvent.EpochEnded(
                            epoch,
                            config.epochs(),
                            lossSum / seen,
                            (double) correct / seen,
                            val[0],
                            val[1],
                            Duration.ofNanos(System.nanoTime() - started),
                            seen / epochSeconds);
                    epochs.add(ended);
                    observer.onEvent(ended);
                    if (control.rollsBackToFinishedEpoch()) {
                        lastEpoch.take();
                    }
                    if (best.record(epoch, val[0])) {
                        return finish(
                                model,
                                best,
                                TrainingOutcome.STOPPED_EARLY,
                                "Stopped early after epoch " + epoch
                                        + ": the validation loss has not improved for "
                                        + config.earlyStopping().patience()
                                        + " epochs" + best.restoredNote() + ".");
                    }
                }
                return finish(
                        model,
                        best,
                        TrainingOutcome.COMPLETED,
                        "Trained " + config.epochs() + " epochs" + best.restoredNote() + ".");
            }
        }
    }

    private WorkerTeam team(ThreadPolicy policy, DjlModel model, Samples train, List<NDArray> trainable) {
        int workers = policy.workers();
        TrainingWorker lead = new TrainingWorker(
                model,
                features(model, train),
                train.labels(),
                new ParameterUpdater(config.optimizer(), trainable, 0, workers),
                policy.threadsPerWorker(),
                phases);
        if (workers == 1) {
            return WorkerTeam.single(lead, phases);
        }
        TrainingWorker partner = new TrainingWorker(
                model,
                features(model, train),
                train.labels(),
                new ParameterUpdater(config.optimizer(), trainable, 1, workers),
                policy.threadsPerWorker(),
                phases.newPartner());
        return WorkerTeam.pair(lead, partner, phases);
    }

    private TrainingFeatures features(DjlModel model, Samples train) {
        return new TrainingFeatures(model.manager(), train.features(), dataset.inputShape());
    }

    /**
     * One forward and backward pass before the clock starts, in inference mode so that no weight, running
     * statistic or random stream changes: it pays PyTorch's and DJL's one-time set-up (a large part of a
     * second) outside the figures a student watches, and creates the gradients the workers then reuse (and
     * clear).
     */
    private void warmUp(DjlModel model, Samples train, int batchSize) {
        int[] first = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            first[i] = i;
        }
        try (TrainingFeatures features = features(model, train)) {
            TorchCalls.recordGradients(true);
            NDArray logits = model.forward(features.rows(first, 0, batchSize), false);
            TorchCalls.backward(logits.sum(), logits.getManager().create(1f));
        } finally {
            TorchCalls.recordGradients(false);
        }
    }

    /** A stop before batch {@code b} (0-based) of {@code epoch}; see {@link TrainingControl}. */
    private TrainingResult stopped(
            DjlModel model, BestWeights best, WeightCopy lastEpoch, int epoch, int b, int batches) {
        String where = "Stopped at epoch " + epoch + ", batch " + (b + 1) + " of " + batches;
        if (!control.rollsBackToFinishedEpoch() || best.keptWeights() || (b == 0 && epoch > 1)) {
            return finish(model, best, TrainingOutcome.CANCELLED, where + best.restoredNote() + ".");
        }
        if (lastEpoch.isEmpty()) {
            model.close();
            return new TrainingResult(
                    null,
                    TrainingOutcome.CANCELLED,
                    where + ", before any epoch had finished: there is no model to keep.",
                    epochs,
                    0);
        }
        lastEpoch.restore();
        return new TrainingResult(
                model,
                TrainingOutcome.CANCELLED,
                where + "; kept the weights of epoch " + (epoch - 1) + ", the last that finished.",
                epochs,
                0);
    }

    private TrainingResult finish(DjlModel model, BestWeights best, TrainingOutcome outcome, String message) {
        int bestEpoch = best.restoreIfKept();
        return new TrainingResult(model, outcome, message, epochs, bestEpoch);
    }

    private String divergedMessage(int epoch, int batch, float value) {
        double lr = config.optimizer().learningRate();
        return "The loss became " + (Float.isNaN(value) ? "NaN" : "infinite") + " at epoch " + epoch + ", batch "
                + batch + ": training diverged. Lower the learning rate (now " + lr + "), for example to "
                + lr / 10 + ", and train again.";
    }

    /**
     * Validation loss and accuracy, without dropout and gradients, on all cores: the workers are idle
     * meanwhile.
     */
    private static double[] validate(DjlModel model, Samples validation, ThreadPolicy policy) {
        if (validation.count() == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        TorchCalls.useThreads(policy.workers() * policy.threadsPerWorker());
        try {
            return model.lossAndAccuracy(validation);
        } finally {
            TorchCalls.useThreads(policy.threadsPerWorker());
        }
    }
}
