package org.layerlab.engine;

import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.ShapeInference;

/**
 * How a run uses the machine's cores: how many workers share each batch (see {@link WorkerTeam}) and how
 * many intra-op threads PyTorch gives each. Measured with {@code layerlab bench} on 2 cores (README,
 * Benchmarks):
 *
 * <ul>
 *   <li>A batch of little arithmetic (the MNIST MLP: 1.3·10⁷ multiply-adds) runs on one worker and one
 *       thread. Its time is spent in the ~60 native calls per batch, not in arithmetic; a second PyTorch
 *       thread is woken for each of them and costs more than it saves, and two workers lost more time
 *       meeting (a parked thread's core wakes slowly on a virtual machine) than they gained: 30–80k
 *       samples/s, erratic, against a steady 77k on one.
 *   <li>A batch of much arithmetic (the MNIST CNN: 3·10⁸) is split between two workers, each with its share
 *       of the cores: 4.8–5.0k samples/s against 3.8–4.3k for one worker on two PyTorch threads.
 * </ul>
 *
 * <p>A stack with BatchNorm keeps one worker: normalising each half with its own mean and variance would
 * change what the layer computes, and both halves would update the running statistics at once.
 */
record ThreadPolicy(int workers, int threadsPerWorker) {
    /** Forward multiply-adds per batch below which neither a second thread nor a second worker pays. */
    static final long SMALL_BATCH_WORK = 100_000_000L;
    /** Fewer rows than this per worker, and splitting costs more than it saves. */
    static final int MIN_ROWS_PER_WORKER = 16;
    /** For benchmarks that compare one worker with two: {@code -Dlayerlab.workers=1}. */
    static final String WORKERS_PROPERTY = "layerlab.workers";

    static ThreadPolicy forRun(LayerStack stack, int batchSize) {
        return forRun(stack, batchSize, Runtime.getRuntime().availableProcessors());
    }

    static ThreadPolicy forRun(LayerStack stack, int batchSize, int cores) {
        long work = ShapeInference.summarize(stack).multiplyAdds() * batchSize;
        boolean large = work >= SMALL_BATCH_WORK;
        boolean split = large
                && cores >= 2
                && batchSize >= 2 * MIN_ROWS_PER_WORKER
                && stack.layers().stream().noneMatch(BatchNorm.class::isInstance);
        int workers = Integer.getInteger(WORKERS_PROPERTY, split ? 2 : 1);
        int threads = large ? Math.max(1, cores / workers) : 1;
        return new ThreadPolicy(workers, threads);
    }
}
