package org.layerlab.serve;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts by endpoint and status, errors, requests in flight, forward passes, and the latency of
 * prediction requests: quantiles over the last {@link #WINDOW} of them (a ring of numbers, sorted when
 * asked), sum and count since the start. Written to by many request threads; read by /metrics and the GUI.
 */
final class ServiceMetrics {
    static final int WINDOW = 4096;
    private static final double[] QUANTILES = {0.5, 0.9, 0.99};

    private final Map<String, LongAdder> answered = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder samples = new LongAdder();
    private final LongAdder forwardPasses = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final long[] window = new long[WINDOW];
    private long predictionCount;
    private long predictionNanos;

    void started() {
        inFlight.incrementAndGet();
    }

    /** A request's answer is written and its exchange closed. */
    void ended() {
        inFlight.decrementAndGet();
    }

    /**
     * A request's answer is ready (and about to be sent); {@code prediction} when it was a v1 predict or
     * v2 infer request.
     */
    void answered(String endpoint, int status, long nanos, boolean prediction) {
        requests.increment();
        if (status >= 400) {
            errors.increment();
        }
        answered.computeIfAbsent(endpoint + "\u0000" + status, k -> new LongAdder())
                .increment();
        if (prediction) {
            synchronized (window) {
                window[(int) (predictionCount % WINDOW)] = nanos;
                predictionCount++;
                predictionNanos += nanos;
            }
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    void forwardPass(int sampleCount) {
        forwardPasses.increment();
        samples.add(sampleCount);
    }

    ServiceStats stats() {
        Recent recent = recent();
        return new ServiceStats(
                requests.sum(),
                errors.sum(),
                recent.count(),
                samples.sum(),
                forwardPasses.sum(),
                inFlight.get(),
                quantile(recent.sorted(), 0.5) / 1e6,
                quantile(recent.sorted(), 0.99) / 1e6,
                recent.count() == 0 ? 0 : recent.sumNanos() / 1e6 / recent.count());
    }

    private record Recent(long[] sorted, long count, long sumNanos) {}

    private Recent recent() {
        long[] copy;
        long count;
        long sum;
        synchronized (window) {
            count = predictionCount;
            sum = predictionNanos;
            copy = Arrays.copyOf(window, (int) Math.min(count, WINDOW));
        }
        Arrays.sort(copy);
        return new Recent(copy, count, sum);
    }

    /** The nearest-rank quantile of sorted values; 0 when there are none. */
    static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** Everything in Prometheus' text exposition format (version 0.0.4). */
    String prometheus() {
        Recent recent = recent();
        StringBuilder text = new StringBuilder();
        header(text, "layerlab_http_requests_total", "counter", "HTTP requests answered, by endpoint and status.");
        Map<String, Long> sorted = new TreeMap<>();
        answered.forEach((key, value) -> sorted.put(key, value.sum()));
        sorted.forEach((key, value) -> {
            String[] parts = key.split("\u0000", 2);
            text.append("layerlab_http_requests_total{endpoint=\"")
                    .append(parts[0])
                    .append("\",code=\"")
                    .append(parts[1])
                    .append("\"} ")
                    .append(value)
                    .append('\n');
        });
        header(text, "layerlab_http_errors_total", "counter", "HTTP requests answered with a 4xx or 5xx status.");
        text.append("layerlab_http_errors_total ").append(errors.sum()).append('\n');
        header(text, "layerlab_http_requests_in_flight", "gauge", "Requests being answered now.");
        text.append("layerlab_http_requests_in_flight ").append(inFlight.get()).append('\n');
        header(
                text,
                "layerlab_prediction_duration_seconds",
                "summary",
                "Time to answer a v1 predict or v2 infer request; quantiles over the last " + WINDOW + ".");
        for (double q : QUANTILES) {
            text.append(String.format(
                    Locale.ROOT,
                    "layerlab_prediction_duration_seconds{quantile=\"%s\"} %.6f\n",
                    q,
                    quantile(recent.sorted(), q) / 1e9));
        }
        text.append(
                String.format(Locale.ROOT, "layerlab_prediction_duration_seconds_sum %.6f\n", recent.sumNanos() / 1e9));
        text.append("layerlab_prediction_duration_seconds_count ")
                .append(recent.count())
                .append('\n');
        header(text, "layerlab_forward_passes_total", "counter", "Forward passes of the network.");
        text.append("layerlab_forward_passes_total ")
                .append(forwardPasses.sum())
                .append('\n');
        header(text, "layerlab_samples_predicted_total", "counter", "Inputs the network answered.");
        text.append("layerlab_samples_predicted_total ").append(samples.sum()).append('\n');
        return text.toString();
    }

    private static void header(StringBuilder text, String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
