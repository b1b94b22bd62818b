package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.ActivationFunction;
import org.layerlab.core.stack.AvgPool2D;
import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Dropout;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.LayerSummary;
import org.layerlab.core.stack.Lstm;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.Padding;
import org.layerlab.core.stack.ShapeInference;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.LayerOutput;
import org.layerlab.core.training.LayerWeights;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.testing.TinyData;

/** What each layer computes for one sample, and the weights a run started from. */
class LayerOutputsTest {

    private static TrainedModel train(Dataset data, LayerStack stack, TrainingConfig config) {
        return new DjlTrainingEngine()
                .train(data, stack, config, TrainingObserver.NONE, new TrainingControl())
                .model();
    }

    private static void assertShapesAsInferred(LayerStack stack, List<LayerOutput> outputs) {
        List<LayerSummary> inferred = ShapeInference.summarize(stack).layers();
        assertEquals(inferred.size(), outputs.size(), "one output per layer");
        for (int i = 0; i < outputs.size(); i++) {
            assertEquals(i, outputs.get(i).layer());
            assertArrayEquals(inferred.get(i).output().dims(), outputs.get(i).shape(), "layer " + i);
            assertEquals(inferred.get(i).output().size(), outputs.get(i).size(), "layer " + i);
        }
    }

    @Test
    void aCnnsLayerOutputsHaveTheInferredShapesAndEndInThePrediction() {
        LayerStack cnn = LayerStack.of(
                TensorShape.of(1, 8, 8),
                new Conv2D(4, 3, 1, Padding.SAME),
                new BatchNorm(),
                Activation.RELU,
                new MaxPool2D(2, 2),
                new Conv2D(3, 3),
                Activation.RELU,
                new AvgPool2D(2, 2),
                new Dropout(0.3),
                new Flatten(),
                new Dense(2),
                new Activation(ActivationFunction.SOFTMAX));
        Dataset data = TinyData.halves(20, 1);
        try (TrainedModel model =
                train(data, cnn, TrainingConfig.DEFAULT.withEpochs(1).withBatchSize(8))) {
            FeatureStore one = data.test().features().subset(new int[] {3});
            List<LayerOutput> outputs = model.layerOutputs(one);

            assertShapesAsInferred(cnn, outputs);
            float[] relu = outputs.get(2).values();
            float[] pooled = outputs.get(3).values();
            assertTrue(min(relu) >= 0, "the activation as stacked, before the pooling");
            // The first pooled value is the largest of the first 2 × 2 window of the first map (8 wide).
            assertEquals(max(relu[0], relu[1], relu[8], relu[9]), pooled[0], 1e-6);
            assertArrayEquals(
                    model.predict(one).get(0).probabilities(),
                    outputs.get(outputs.size() - 1).values(),
                    1e-5f);
        }
    }

    @Test
    void anLstmsLayerOutputsHaveTheInferredShapes() {
        LayerStack classifier =
                LayerStack.of(TensorShape.of(6), new Embedding(20, 4), new Lstm(5, true), new Flatten(), new Dense(2));
        Dataset data = TinyData.tokens(20, 1);
        try (TrainedModel model =
                train(data, classifier, TrainingConfig.DEFAULT.withEpochs(1).withBatchSize(8))) {
            assertShapesAsInferred(classifier, model.layerOutputs(data.test().features()));
        }
    }

    /**
     * A learning rate too small to move any weight: after training, the weights are still the ones the run
     * started from, which the model makes again from the run's seed.
     */
    @Test
    void theInitialWeightsAreTheOnesTheRunStartedFrom() {
        LayerStack cnn =
                LayerStack.of(TensorShape.of(1, 8, 8), new Conv2D(4, 3), Activation.RELU, new Flatten(), new Dense(2));
        TrainingConfig still = TrainingConfig.DEFAULT
                .withOptimizer(OptimizerSettings.defaults(OptimizerKind.SGD).withLearningRate(1e-12))
                .withEpochs(1)
                .withBatchSize(8);
        try (TrainedModel model = train(TinyData.halves(20, 1), cnn, still)) {
            List<LayerWeights> trained = model.weights();
            List<LayerWeights> initial = model.initialWeights(still.seed());
            assertEquals(trained.size(), initial.size());
            for (int i = 0; i < trained.size(); i++) {
                assertEquals(trained.get(i).name(), initial.get(i).name());
                assertArrayEquals(
                        trained.get(i).values(),
                        initial.get(i).values(),
                        1e-6f,
                        trained.get(i).name());
            }
            assertFalse(
                    Arrays.equals(
                            initial.get(0).values(),
                            model.initialWeights(still.seed() + 1).get(0).values()),
                    "another seed, other initial weights");
        }
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static float max(float... values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
