package org.layerlab.core.training;

import java.io.IOException;
import java.nio.file.Path;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.LayerStack;

/** The port to a deep-learning engine. Training runs on the calling thread and reports to the observer. */
public interface TrainingEngine {

    /**
     * Trains {@code stack} on {@code dataset}; the stack must pass {@link StackCompatibility} first. A stack
     * that does not fit the {@link #memoryBudget()} ends at once as FAILED, with the budget's refusal.
     */
    TrainingResult train(
            Dataset dataset,
            LayerStack stack,
            TrainingConfig config,
            TrainingObserver observer,
            TrainingControl control);

    /** The memory this engine may use; ask it before training to refuse a stack that cannot fit. */
    MemoryBudget memoryBudget();

    /** Rebuilds a model from a stack and the weights written by {@link TrainedModel#saveWeights}. */
    TrainedModel load(LayerStack stack, ModelInfo info, Path weightsFolder) throws IOException;
}
