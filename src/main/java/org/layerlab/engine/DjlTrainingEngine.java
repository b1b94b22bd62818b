package org.layerlab.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.ShapeInference;
import org.layerlab.core.training.MemoryBudget;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingEngine;
import org.layerlab.core.training.TrainingEvent;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.core.training.TrainingOutcome;
import org.layerlab.core.training.TrainingResult;

/** Trains LayerStacks with Deep Java Library on its PyTorch engine, on the CPU, never downloading anything. */
public final class DjlTrainingEngine implements TrainingEngine {

    static {
        // Nothing is ever downloaded at run time: the native PyTorch library comes from the class path, and DJL
        // must not try to fetch one. This is the one place that says so: this class is the engine package's
        // only public way to DJL (MachineMemory never reaches it), so it is loaded before any other code of
        // LayerLab can reach DJL.
        System.setProperty("ai.djl.offline", "true");
    }

    private final MemoryBudget memoryBudget;

    public DjlTrainingEngine() {
        this(MachineMemory.budget());
    }

    /** An engine that may use {@code memoryBudget}, whatever the machine has. */
    public DjlTrainingEngine(MemoryBudget memoryBudget) {
        this.memoryBudget = memoryBudget;
    }

    @Override
    public MemoryBudget memoryBudget() {
        return memoryBudget;
    }

    @Override
    public TrainingResult train(
            Dataset dataset,
            LayerStack stack,
            TrainingConfig config,
            TrainingObserver observer,
            TrainingControl control) {
        return train(dataset, stack, config, observer, control, new BatchPhases());
    }

    /** As {@link #train}, adding where each batch's time went to {@code phases} (for benchmarks). */
    public TrainingResult train(
            Dataset dataset,
            LayerStack stack,
            TrainingConfig config,
            TrainingObserver observer,
            TrainingControl control,
            BatchPhases phases) {
        // The last guard: allocating a stack many times the machine's memory fails deep in PyTorch, or not
        // at all until the machine swaps.
        Optional<String> tooLarge = memoryBudget.refusal(ShapeInference.summarize(stack), config);
        if (tooLarge.isPresent()) {
            observer.onEvent(new TrainingEvent.Finished(TrainingOutcome.FAILED, tooLarge.get()));
            return new TrainingResult(null, TrainingOutcome.FAILED, tooLarge.get(), List.of(), 0);
        }
        return new TrainingRun(dataset, stack, config, observer, control, phases).run();
    }

    @Override
    public TrainedModel load(LayerStack stack, ModelInfo info, Path weightsFolder) throws IOException {
        return DjlModel.load(stack, info, weightsFolder);
    }
}
