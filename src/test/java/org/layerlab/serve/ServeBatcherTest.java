package org.layerlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.training.Prediction;

/** The model thread: requests that wait while it works are run together, and each gets its own answers. */
class ServeBatcherTest {

    /** A model that answers each input with its first feature, and records how many inputs each pass had. */
    private static final class Recorder implements ServedModel.Predictor {
        final List<Integer> passes = new ArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public synchronized List<Prediction> predict(FeatureStore inputs) {
            passes.add(inputs.count());
            entered.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Prediction> out = new ArrayList<>();
            for (int i = 0; i < inputs.count(); i++) {
                out.add(new Prediction(0, new float[] {inputs.sample(i)[0]}));
            }
            return out;
        }
    }

    private static FloatFeatures values(float... first) {
        float[] data = new float[first.length * 2];
        for (int i = 0; i < first.length; i++) {
            data[2 * i] = first[i];
        }
        return new FloatFeatures(data, 2);
    }

    private static List<Float> firsts(CompletableFuture<List<Prediction>> answer) throws Exception {
        return answer.get(30, TimeUnit.SECONDS).stream()
                .map(p -> p.probabilities()[0])
                .toList();
    }

    @Test
    void requestsThatWaitedRunInOnePassAndGetTheirOwnAnswers() throws Exception {
        Recorder model = new Recorder();
        ServiceMetrics metrics = new ServiceMetrics();
        Batcher batcher = new Batcher(model, 8, metrics, "batcher-test");
        CompletableFuture<List<Prediction>> first = batcher.submit(values(1));
        assertTrue(model.entered.await(30, TimeUnit.SECONDS)); // the model thread is busy with the first
        CompletableFuture<List<Prediction>> second = batcher.submit(values(2, 3));
        CompletableFuture<List<Prediction>> third = batcher.submit(values(4));
        CompletableFuture<List<Prediction>> tooMany = batcher.submit(values(5, 6, 7, 8, 9, 10));
        CompletableFuture<List<Prediction>> otherKind = batcher.submit(new ByteFeatures(new byte[] {11, 0}, 2));
        model.release.countDown();

        assertEquals(List.of(1f), firsts(first));
        assertEquals(List.of(2f, 3f), firsts(second));
        assertEquals(List.of(4f), firsts(third));
        assertEquals(List.of(5f, 6f, 7f, 8f, 9f, 10f), firsts(tooMany));
        assertEquals(List.of(11f * ByteFeatures.SCALE), firsts(otherKind));
        batcher.close();
        // 2+3 and 4 together (3 inputs); the 6 would pass the limit of 8; bytes never join floats.
        assertEquals(List.of(1, 3, 6, 1), model.passes);
        assertEquals(11, metrics.stats().samplesPredicted());
        assertEquals(4, metrics.stats().forwardPasses());
    }

    @Test
    void withALimitOfOneEveryRequestRunsAlone() throws Exception {
        Recorder model = new Recorder();
        Batcher batcher = new Batcher(model, 1, new ServiceMetrics(), "batcher-test");
        CompletableFuture<List<Prediction>> first = batcher.submit(values(1));
        assertTrue(model.entered.await(30, TimeUnit.SECONDS));
        CompletableFuture<List<Prediction>> second = batcher.submit(values(2));
        CompletableFuture<List<Prediction>> third = batcher.submit(values(3, 4));
        model.release.countDown();

        assertEquals(List.of(3f, 4f), firsts(third));
        assertEquals(List.of(1f), firsts(first));
        assertEquals(List.of(2f), firsts(second));
        batcher.close();
        assertEquals(List.of(1, 1, 2), model.passes);
    }

    @Test
    void aFailedPassIsRetriedRequestByRequestSoOnlyTheCulpritFails() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServedModel.Predictor picky = inputs -> {
            entered.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Prediction> out = new ArrayList<>();
            for (int i = 0; i < inputs.count(); i++) {
                if (inputs.sample(i)[0] < 0) {
                    throw new IllegalArgumentException("negative");
                }
                out.add(new Prediction(0, new float[] {inputs.sample(i)[0]}));
            }
            return out;
        };
        Batcher batcher = new Batcher(picky, 8, new ServiceMetrics(), "batcher-test");
        CompletableFuture<List<Prediction>> first = batcher.submit(values(1));
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        CompletableFuture<List<Prediction>> good = batcher.submit(values(2));
        CompletableFuture<List<Prediction>> bad = batcher.submit(values(-1));
        release.countDown();

        assertEquals(List.of(1f), firsts(first));
        assertEquals(List.of(2f), firsts(good));
        assertTrue(bad.handle((value, failure) -> failure != null).get(30, TimeUnit.SECONDS));
        batcher.close();
    }

    @Test
    void afterCloseRequestsAreRefused() throws Exception {
        Batcher batcher = new Batcher(inputs -> List.of(), 1, new ServiceMetrics(), "batcher-test");
        batcher.close();
        assertTrue(batcher.submit(values(1)).isCompletedExceptionally());
    }
}
