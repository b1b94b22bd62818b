package org.layerlab.engine;

import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.ShapeInference;

/**
 * How a run uses the machine's cores: how many workers share each batch (see {@link WorkerTeam}) and how
 * many intra-op threads PyTorch gives each. Two workers whenever there are two cores and the batch is big
 * enough to halve: measured with {@code layerlab bench}, that beats PyTorch's own threads on both the MNIST
 * MLP (whose operations are too small to split) and the CNN. A worker gets more than one thread only when
 * its half-batch is a lot of arithmetic and cores are left over.
 *
 * <p>A stack with BatchNorm keeps one worker: normalising each half with its own mean and variance would
 * change what the layer computes, and both halves would update the running statistics at once.
 */
record ThreadPolicy(int workers, int threadsPerWorker) {
    /** Forward multiply-adds per worker's batch below which a second thread for it does not pay. */
    static final long SMALL_BATCH_WORK = 100_000_000L;
    /** Fewer rows than this per worker, and splitting costs more than it saves. */
    static final int MIN_ROWS_PER_WORKER = 16;
    /** For benchmarks that compare one worker with two: {@code -Dlayerlab.workers=1}. */
    static final String WORKERS_PROPERTY = "layerlab.workers";

    static ThreadPolicy forRun(LayerStack stack, int batchSize) {
        return forRun(stack, batchSize, Runtime.getRuntime().availableProcessors());
    }

    static ThreadPolicy forRun(LayerStack stack, int batchSize, int cores) {
        boolean split = cores >= 2
                && batchSize >= 2 * MIN_ROWS_PER_WORKER
                && stack.layers().stream().noneMatch(BatchNorm.class::isInstance);
        int workers = Integer.getInteger(WORKERS_PROPERTY, split ? 2 : 1);
        long work = ShapeInference.summarize(stack).multiplyAdds() * batchSize / workers;
        int threads = work < SMALL_BATCH_WORK ? 1 : Math.max(1, cores / workers);
        return new ThreadPolicy(workers, threads);
    }
}
