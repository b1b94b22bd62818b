package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.layerlab.engine.BatchPhases.Phase;

/**
 * Forward and backward passes over some rows of each batch, adding into the shared gradients, and the update
 * of one share of the weights. One per training thread; all share the model, the uploaded training set and
 * the gradients (libtorch adds two workers' gradients under a lock).
 */
final class TrainingWorker implements AutoCloseable {
    private final DjlModel model;
    private final TrainingFeatures features;
    private final NDArray labels;
    private final ParameterUpdater updater;
    private final int threads;
    private final BatchPhases phases;
    private float loss;
    private long correct;

    TrainingWorker(
            DjlModel model,
            TrainingFeatures features,
            NDArray labels,
            ParameterUpdater updater,
            int threads,
            BatchPhases phases) {
        this.model = model;
        this.features = features;
        this.labels = labels;
        this.updater = updater;
        this.threads = threads;
        this.phases = phases;
    }

    /** Once on the thread this worker runs on: PyTorch's thread count is a per-thread setting. */
    void bindToThread() {
        TorchCalls.useThreads(threads);
        TorchCalls.recordGradients(false);
    }

    /**
     * Forward and backward over rows [from, to) of the epoch's order, as part of a batch of {@code batchRows}
     * rows: the gradients receive this part's share of the batch's mean loss.
     */
    void pass(NDArray order, int from, int to, int batchRows) {
        LossFunction lossFunction = model.lossFunction();
        try (NDManager scope = order.getManager().newSubManager()) {
            phases.start();
            NDArray rows = order.get(new NDIndex().addSliceDim(from, to));
            rows.attach(scope);
            NDArray x = features.rows(rows, scope);
            NDArray y = labels.get(rows);
            y.attach(scope);
            phases.lap(Phase.GATHER);
            TorchCalls.recordGradients(true);
            NDArray logits = model.forward(x, true);
            NDArray sum = lossFunction.sum(logits, y);
            phases.lap(Phase.FORWARD);
            float scale = lossFunction.meanScale(batchRows);
            TorchCalls.backward(sum, scope.create(scale));
            TorchCalls.recordGradients(false);
            phases.lap(Phase.BACKWARD);
            loss = sum.getFloat() * scale;
            correct = lossFunction.correct(logits, y).sum().getLong();
            phases.lap(Phase.READ);
        } finally {
            TorchCalls.recordGradients(false);
        }
    }

    /** This worker's share of the last pass's batch mean loss. */
    float loss() {
        return loss;
    }

    /** Right predictions among the last pass's rows. */
    long correct() {
        return correct;
    }

    void update() {
        phases.start();
        updater.step();
        phases.lap(Phase.UPDATE);
    }

    void clearGradients() {
        updater.clearGradients();
    }

    @Override
    public void close() {
        updater.close();
    }
}
