package org.layerlab.engine;

import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.ShapeInference;

/**
 * How many CPU threads PyTorch may use for one run. Small networks run faster on one thread: their
 * batches are a few hundred microseconds of work, and waking a second thread for every one of the many
 * small operations costs more than it saves (measured with `layerlab bench`: the MNIST MLP trains 1.4×
 * faster on one thread, the CNN 2× faster on two).
 */
final class ThreadPolicy {
    /** Forward multiply-adds per batch below which a second thread does not pay. */
    static final long SMALL_BATCH_WORK = 100_000_000L;

    private ThreadPolicy() {}

    static int threadsFor(LayerStack stack, int batchSize) {
        long work = ShapeInference.summarize(stack).multiplyAdds() * batchSize;
        int cores = Runtime.getRuntime().availableProcessors();
        return work < SMALL_BATCH_WORK ? 1 : cores;
    }
}
