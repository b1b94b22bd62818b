package org.layerlab.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.TokenFeatures;
import org.layerlab.core.training.Prediction;

/**
 * The one thread that runs the model. Request threads hand it their prepared inputs and wait; it runs
 * them one request at a time, so the model is never used by two threads at once. With a batch limit
 * above 1 it also gathers the requests that queued up while the previous forward pass ran (never waiting
 * for more) into one pass of at most that many samples. That is off by default: PyTorch's numbers
 * depend on the batch size in the last bits (the MNIST CNN's probabilities, one input alone against in
 * batches of 2 to 64: every one differed, by up to 7e-7), so a batched answer is no longer exactly the
 * one {@code predict} gives; and it gained 0–30 % requests/s with 8 clients on 2 cores (bench-serve).
 */
final class Batcher {
    /** Inputs to run and where their answer goes; without inputs, the sign to stop. */
    private record Job(FeatureStore inputs, CompletableFuture<List<Prediction>> answer) {
        boolean stop() {
            return inputs == null;
        }
    }

    private static final Job STOP = new Job(null, null);

    private final ServedModel.Predictor predictor;
    private final int maxBatch;
    private final ServiceMetrics metrics;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    Batcher(ServedModel.Predictor predictor, int maxBatch, ServiceMetrics metrics, String threadName) {
        this.predictor = predictor;
        this.maxBatch = maxBatch;
        this.metrics = metrics;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** How long a request waits for the model before it is answered 503. */
    static final long TIMEOUT_SECONDS = 60;

    /** The model's answers for these inputs, in order; waits for them on the calling (request) thread. */
    List<Prediction> answer(FeatureStore inputs) throws HttpError {
        try {
            return submit(inputs).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "the service is stopping.");
        } catch (TimeoutException e) {
            throw new HttpError(503, "the model is busy: no answer within " + TIMEOUT_SECONDS + " s; try again.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalStateException) {
                // The service is stopping, or the GUI closed the run this service was answering with.
                throw new HttpError(503, "the model is not available: " + cause.getMessage() + ".");
            }
            throw new HttpError(500, "the model failed on this input (" + cause + ").");
        }
    }

    /** The model's answers for these inputs, in their order, once the model thread has run them. */
    CompletableFuture<List<Prediction>> submit(FeatureStore inputs) {
        CompletableFuture<List<Prediction>> answer = new CompletableFuture<>();
        if (closed) {
            answer.completeExceptionally(new IllegalStateException("the service is stopping"));
            return answer;
        }
        queue.add(new Job(inputs, answer));
        return answer;
    }

    /**
     * Refuses the jobs still queued, lets the one running finish and waits for the thread to end, even when
     * interrupted: afterwards the model is not used. Returns true when this thread was interrupted meanwhile.
     */
    boolean close() {
        closed = true;
        for (Job left = queue.poll(); left != null; left = queue.poll()) {
            if (!left.stop()) {
                left.answer().completeExceptionally(new IllegalStateException("the service is stopping"));
            }
        }
        queue.add(STOP);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Job left = queue.poll(); left != null; left = queue.poll()) {
            if (!left.stop()) {
                left.answer().completeExceptionally(new IllegalStateException("the service is stopping"));
            }
        }
        return interrupted;
    }

    private void run() {
        List<Job> group = new ArrayList<>();
        while (true) {
            Job first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                return; // only the service's own stop interrupts; nothing is left to answer by then
            }
            if (first.stop()) {
                return;
            }
            group.clear();
            group.add(first);
            int samples = first.inputs().count();
            for (Job next = queue.peek(); next != null && !next.stop(); next = queue.peek()) {
                if (samples + next.inputs().count() > maxBatch || !fits(first.inputs(), next.inputs())) {
                    break;
                }
                group.add(queue.remove());
                samples += next.inputs().count();
            }
            if (group.size() == 1) {
                runAlone(first);
            } else {
                runTogether(group, samples);
            }
        }
    }

    private void runAlone(Job job) {
        try {
            List<Prediction> predictions = predictor.predict(job.inputs());
            metrics.forwardPass(job.inputs().count());
            job.answer().complete(predictions);
        } catch (RuntimeException | Error e) {
            job.answer().completeExceptionally(e);
        }
    }

    private void runTogether(List<Job> group, int samples) {
        List<Prediction> all;
        try {
            all = predictor.predict(concat(group, samples));
            metrics.forwardPass(samples);
        } catch (RuntimeException e) {
            // One request's inputs must not spoil the others' answers: run each on its own.
            group.forEach(this::runAlone);
            return;
        }
        int from = 0;
        for (Job job : group) {
            int to = from + job.inputs().count();
            job.answer().complete(List.copyOf(all.subList(from, to)));
            from = to;
        }
    }

    private static boolean fits(FeatureStore a, FeatureStore b) {
        return a.getClass() == b.getClass() && a.sampleSize() == b.sampleSize();
    }

    private static FeatureStore concat(List<Job> group, int samples) {
        FeatureStore first = group.get(0).inputs();
        int size = first.sampleSize();
        int at = 0;
        if (first instanceof ByteFeatures) {
            byte[] out = new byte[samples * size];
            for (Job job : group) {
                byte[] data = ((ByteFeatures) job.inputs()).data();
                System.arraycopy(data, 0, out, at, data.length);
                at += data.length;
            }
            return new ByteFeatures(out, size);
        }
        if (first instanceof FloatFeatures) {
            float[] out = new float[samples * size];
            for (Job job : group) {
                float[] data = ((FloatFeatures) job.inputs()).data();
                System.arraycopy(data, 0, out, at, data.length);
                at += data.length;
            }
            return new FloatFeatures(out, size);
        }
        int[] out = new int[samples * size];
        for (Job job : group) {
            int[] data = ((TokenFeatures) job.inputs()).data();
            System.arraycopy(data, 0, out, at, data.length);
            at += data.length;
        }
        return new TokenFeatures(out, size);
    }
}
