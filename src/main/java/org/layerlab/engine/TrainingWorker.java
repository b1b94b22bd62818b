package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.layerlab.engine.BatchPhases.Phase;

/**
 * Forward and backward passes over some rows of each batch, adding into the shared gradients, and the update
 * of one share of the weights. One per training thread; all share the model and the gradients (libtorch
 * adds two workers' gradients under a lock), each has its own input rows and loss gradient.
 */
final class TrainingWorker implements AutoCloseable {
    private final DjlModel model;
    private final TrainingFeatures features;
    private final int[] labels;
    private final ParameterUpdater updater;
    private final int threads;
    private final BatchPhases phases;
    private final NDManager manager;
    /** d(loss)/d(logits) per batch size, written by the loss and read by the backward pass. */
    private final Map<Integer, SharedTensor> seeds = new HashMap<>();

    private int[] batchLabels = new int[0];
    private float loss;
    private long correct;

    TrainingWorker(
            DjlModel model,
            TrainingFeatures features,
            int[] labels,
            ParameterUpdater updater,
            int threads,
            BatchPhases phases) {
        this.model = model;
        this.features = features;
        this.labels = labels;
        this.updater = updater;
        this.threads = threads;
        this.phases = phases;
        this.manager = model.manager().newSubManager();
    }

    /** Once on the thread this worker runs on: PyTorch's thread count is a per-thread setting. */
    void bindToThread() {
        TorchCalls.useThreads(threads);
        TorchCalls.recordGradients(false);
    }

    /**
     * Forward and backward over samples {@code order[from..to)}, as part of a batch of {@code batchRows}
     * rows: the gradients receive this part's share of the batch's mean loss.
     */
    void pass(int[] order, int from, int to, int batchRows) {
        LossFunction lossFunction = model.lossFunction();
        int rows = to - from;
        phases.start();
        NDArray x = features.rows(order, from, to);
        if (batchLabels.length < rows) {
            batchLabels = new int[rows];
        }
        for (int r = 0; r < rows; r++) {
            batchLabels[r] = labels[order[from + r]];
        }
        phases.lap(Phase.GATHER);
        try (NDManager scope = manager.newSubManager()) {
            x.tempAttach(scope); // so that everything the forward pass creates is freed with the scope
            TorchCalls.recordGradients(true);
            NDArray logits = model.forward(x, true);
            phases.lap(Phase.FORWARD);
            SharedTensor seed = seeds.computeIfAbsent(rows, n -> allocateSeed(n, logits.getShape()));
            FloatBuffer gradient = seed.memory().asFloatBuffer();
            float scale = lossFunction.meanScale(batchRows);
            LossFunction.Score score =
                    lossFunction.score(TorchCalls.memoryOf(logits).asFloatBuffer(), batchLabels, rows, gradient, scale);
            loss = (float) (score.sum() * scale);
            correct = score.correct();
            phases.lap(Phase.LOSS);
            TorchCalls.backward(logits, seed.tensor());
            phases.lap(Phase.BACKWARD);
        } finally {
            TorchCalls.recordGradients(false);
        }
    }

    private SharedTensor allocateSeed(int rows, Shape logits) {
        return SharedTensor.allocate(manager, new Shape(rows, logits.get(1)), DataType.FLOAT32);
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

    @Override
    public void close() {
        updater.close();
        features.close();
        manager.close();
    }
}
