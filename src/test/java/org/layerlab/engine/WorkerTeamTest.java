package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.LayerWeights;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.core.training.TrainingResult;
import org.layerlab.testing.TinyData;

/**
 * Two workers that each train half of every batch and update half of every weight must train the same
 * network as one worker: same start, same order, and the halves' gradients add up to the batch's.
 */
class WorkerTeamTest {
    private static final LayerStack CNN = LayerStack.of(
            TensorShape.of(1, 8, 8),
            new Conv2D(4, 3),
            Activation.RELU,
            new MaxPool2D(2),
            new Flatten(),
            new Dense(8),
            new Activation(org.layerlab.core.stack.ActivationFunction.TANH),
            new Dense(2));

    @Test
    void twoWorkersTrainTheSameWeightsAsOne() {
        Dataset data = TinyData.halves(80, 3);
        TrainingConfig config = TrainingConfig.DEFAULT
                .withOptimizer(OptimizerSettings.defaults(OptimizerKind.ADAM).withLearningRate(0.01))
                .withEpochs(2)
                .withBatchSize(32);
        List<LayerWeights> one;
        List<LayerWeights> two;
        try (TrainedModel single = train(data, config, 1);
                TrainedModel pair = train(data, config, 2)) {
            // training did happen, so that equal weights mean something
            assertTrue(pair.evaluate(data.test()).accuracy() > 0.9);
            one = single.weights();
            two = pair.weights();
        }
        assertEquals(one.size(), two.size());
        for (int p = 0; p < one.size(); p++) {
            float[] a = one.get(p).values();
            float[] b = two.get(p).values();
            for (int i = 0; i < a.length; i++) {
                assertEquals(
                        a[i],
                        b[i],
                        1e-4,
                        one.get(p).name() + " of layer " + one.get(p).layer() + ", value " + i);
            }
        }
    }

    @Test
    void theThreadPolicySplitsOnlyBigBatchesThatCanBeSplit() {
        LayerStack mlp = LayerStack.of(TensorShape.of(784), new Dense(128), Activation.RELU, new Dense(10));
        assertEquals(new ThreadPolicy(1, 1), ThreadPolicy.forRun(mlp, 128, 2), "little arithmetic per batch");
        LayerStack wide = LayerStack.of(TensorShape.of(784), new Dense(4096), new Dense(10));
        assertEquals(new ThreadPolicy(2, 1), ThreadPolicy.forRun(wide, 128, 2));
        assertEquals(new ThreadPolicy(1, 1), ThreadPolicy.forRun(wide, 128, 1), "one core");
        LayerStack huge = LayerStack.of(TensorShape.of(784), new Dense(16384), new Dense(10));
        assertEquals(new ThreadPolicy(1, 2), ThreadPolicy.forRun(huge, 24, 2), "12 rows per worker: threads instead");
        LayerStack normalised = LayerStack.of(TensorShape.of(784), new Dense(4096), new BatchNorm(), new Dense(10));
        assertEquals(new ThreadPolicy(1, 2), ThreadPolicy.forRun(normalised, 128, 2), "BatchNorm needs the batch");
        assertEquals(new ThreadPolicy(2, 4), ThreadPolicy.forRun(wide, 512, 8), "spare cores go to the workers");
    }

    private static TrainedModel train(Dataset data, TrainingConfig config, int workers) {
        String before = System.getProperty(ThreadPolicy.WORKERS_PROPERTY);
        System.setProperty(ThreadPolicy.WORKERS_PROPERTY, Integer.toString(workers));
        try {
            BatchPhases phases = new BatchPhases();
            TrainingResult result = new DjlTrainingEngine()
                    .train(data, CNN, config, TrainingObserver.NONE, new TrainingControl(), phases);
            assertEquals(workers, phases.workers());
            return result.model();
        } finally {
            if (before == null) {
                System.clearProperty(ThreadPolicy.WORKERS_PROPERTY);
            } else {
                System.setProperty(ThreadPolicy.WORKERS_PROPERTY, before);
            }
        }
    }
}
