package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.Gru;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.Lstm;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.LayerWeights;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.testing.TinyData;

class WeightsReaderTest {

    private static List<String> names(List<LayerWeights> weights) {
        return weights.stream().map(w -> w.layer() + ":" + w.name()).toList();
    }

    private static List<LayerWeights> trained(Dataset data, LayerStack stack) {
        try (TrainedModel model = new DjlTrainingEngine()
                .train(
                        data,
                        stack,
                        TrainingConfig.DEFAULT.withEpochs(1).withBatchSize(8),
                        TrainingObserver.NONE,
                        new TrainingControl())
                .model()) {
            return model.weights();
        }
    }

    @Test
    void aCnnListsItsParametersPerStackLayerInPyTorchLayout() {
        LayerStack cnn = LayerStack.of(
                TensorShape.of(1, 8, 8),
                new Conv2D(4, 3),
                new BatchNorm(),
                Activation.RELU,
                new MaxPool2D(2),
                new Flatten(),
                new Dense(2));
        List<LayerWeights> weights = trained(TinyData.halves(20, 1), cnn);
        assertEquals(
                List.of(
                        "0:weight",
                        "0:bias",
                        "1:weight",
                        "1:bias",
                        "1:running_mean",
                        "1:running_var",
                        "5:weight",
                        "5:bias"),
                names(weights));
        assertArrayEquals(new int[] {4, 1, 3, 3}, weights.get(0).shape());
        assertArrayEquals(new int[] {2, 36}, weights.get(6).shape());
        assertEquals(36 * 2, weights.get(6).size());
    }

    @Test
    void recurrentLayersUseTorchNamesAndGateBlocks() {
        LayerStack text = LayerStack.of(
                TensorShape.of(6), new Embedding(20, 4), new Lstm(5, true), new Gru(3, false), new Dense(2));
        List<LayerWeights> weights = trained(TinyData.tokens(20, 1), text);
        assertEquals(
                List.of(
                        "0:weight",
                        "1:weight_ih_l0",
                        "1:weight_hh_l0",
                        "1:bias_ih_l0",
                        "1:bias_hh_l0",
                        "2:weight_ih_l0",
                        "2:weight_hh_l0",
                        "2:bias_ih_l0",
                        "2:bias_hh_l0",
                        "3:weight",
                        "3:bias"),
                names(weights));
        assertArrayEquals(new int[] {20, 4}, weights.get(0).shape());
        assertArrayEquals(new int[] {4 * 5, 4}, weights.get(1).shape());
        assertArrayEquals(new int[] {3 * 3, 5}, weights.get(5).shape());
    }
}
