package org.layerlab.serve;

/**
 * A snapshot of a running service, cheap to take: poll it (a few times a second is plenty) to show a live
 * request count and latency. Latencies are over the last {@link ServiceMetrics#WINDOW} prediction requests
 * (v1 predict and v2 infer) and are 0 before the first one.
 */
public record ServiceStats(
        long requests,
        long errors,
        long predictionRequests,
        long samplesPredicted,
        long forwardPasses,
        int inFlight,
        double p50Millis,
        double p99Millis,
        double meanMillis) {

    /** Samples per forward pass on average: above 1 when waiting requests were batched together. */
    public double meanBatch() {
        return forwardPasses == 0 ? 0 : (double) samplesPredicted / forwardPasses;
    }
}
