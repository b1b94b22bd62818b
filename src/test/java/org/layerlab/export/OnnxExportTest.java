package org.layerlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Samples;
import org.layerlab.core.data.TokenFeatures;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.ActivationFunction;
import org.layerlab.core.stack.AvgPool2D;
import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Dropout;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.Gru;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.Lstm;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.Padding;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.Prediction;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.data.DataLoading;
import org.layerlab.data.DataRequest;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.files.StackFile;
import org.layerlab.testing.TinyData;

/** Every exported ONNX model, run in ONNX Runtime on raw input, answers as LayerLab does (within 1e-4). */
class OnnxExportTest {
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path folder;

    private TrainedModel train(Dataset data, LayerStack stack, TrainingConfig config) {
        return new DjlTrainingEngine()
                .train(data, stack, config, TrainingObserver.NONE, new TrainingControl())
                .model();
    }

    private static TrainingConfig epochs(int epochs) {
        return TrainingConfig.DEFAULT.withEpochs(epochs).withBatchSize(16);
    }

    /** Exports, runs the test samples through ONNX Runtime, and compares every probability. */
    private void assertOnnxAgrees(TrainedModel model, Samples test, float[] raw) throws Exception {
        Path file = folder.resolve("model.onnx");
        Exports.write(ExportFormat.ONNX, ExportSource.of(model), file, true);
        List<Prediction> expected = model.predict(test.features());
        int[] sample = model.info().inputShape();
        long[] shape = new long[sample.length + 1];
        shape[0] = test.count();
        for (int d = 0; d < sample.length; d++) {
            shape[d + 1] = sample[d];
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(raw), shape);
                OrtSession.Result result = session.run(Map.of("input", input))) {
            float[][] actual =
                    (float[][]) result.get("probabilities").orElseThrow().getValue();
            assertEquals(test.count(), actual.length);
            double worst = 0;
            for (int i = 0; i < actual.length; i++) {
                float[] p = expected.get(i).probabilities();
                assertEquals(p.length, actual[i].length);
                for (int c = 0; c < p.length; c++) {
                    worst = Math.max(worst, Math.abs(p[c] - actual[i][c]));
                }
            }
            assertTrue(worst < TOLERANCE, "largest difference " + worst);
        }
        PythonOnnxCheck.assertValid(file);
    }

    private static float[] pixels(Samples samples) {
        byte[] bytes = ((ByteFeatures) samples.features()).data();
        float[] raw = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = bytes[i] & 0xFF;
        }
        return raw;
    }

    private static float[] tokens(Samples samples) {
        int[] ids = ((TokenFeatures) samples.features()).data();
        float[] raw = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            raw[i] = ids[i];
        }
        return raw;
    }

    @Test
    void theMnistMlpAndCnnAgreeOnRawPixels() throws Exception {
        Dataset mnist = DataLoading.load(DataRequest.of("sample:mnist"));
        Dataset small = new Dataset(
                mnist.name(),
                mnist.kind(),
                mnist.inputShape(),
                mnist.classNames(),
                mnist.train().subset(range(0, 1200)),
                mnist.validation().subset(range(0, 0)),
                mnist.test().subset(range(0, 100)),
                mnist.preprocessing(),
                mnist.split(),
                List.of());
        for (String stack : List.of("mnist-mlp.json", "mnist-cnn.json")) {
            try (TrainedModel model = train(small, StackFile.read(Path.of("sample-data/stacks", stack)), epochs(1))) {
                assertOnnxAgrees(model, small.test(), pixels(small.test()));
            }
        }
    }

    @Test
    void batchNormAveragePoolingTanhSigmoidAndLeakyRelu() throws Exception {
        Dataset data = TinyData.halves(40, 3);
        LayerStack stack = LayerStack.of(
                TensorShape.of(1, 8, 8),
                new Conv2D(4, 3, 1, Padding.SAME),
                new BatchNorm(),
                new Activation(ActivationFunction.TANH),
                new AvgPool2D(2),
                new Conv2D(6, 3),
                new Activation(ActivationFunction.LEAKY_RELU),
                new MaxPool2D(2, 1),
                new Flatten(),
                new Dense(8),
                new BatchNorm(),
                new Activation(ActivationFunction.SIGMOID),
                new Dropout(0.3),
                new Dense(2),
                new Activation(ActivationFunction.SOFTMAX));
        try (TrainedModel model = train(data, stack, epochs(3))) {
            assertOnnxAgrees(model, data.test(), pixels(data.test()));
        }
    }

    @Test
    void lstmAndGruTextStacksAgreeOnTokenIds() throws Exception {
        Dataset data = TinyData.tokens(40, 5);
        List<LayerStack> stacks = List.of(
                LayerStack.of(TensorShape.of(6), new Embedding(20, 4), new Lstm(8, false), new Dense(2)),
                LayerStack.of(TensorShape.of(6), new Embedding(20, 4), new Gru(8, false), new Dense(2)),
                LayerStack.of(
                        TensorShape.of(6),
                        new Embedding(20, 4),
                        new Lstm(6, true),
                        new BatchNorm(),
                        new Dense(5),
                        new Gru(5, false),
                        new Dense(2)));
        for (LayerStack stack : stacks) {
            try (TrainedModel model = train(data, stack, epochs(3))) {
                assertOnnxAgrees(model, data.test(), tokens(data.test()));
            }
        }
    }

    @Test
    void tablesAreStandardisedInsideTheGraph() throws Exception {
        Dataset blobs = TinyData.blobs(40, 9, 1f);
        // Pretend the columns had means 5 and -3 and spreads 2 and 0.5: raw values are x·std + mean.
        Preprocessing.Tabular prep = new Preprocessing.Tabular(
                "side",
                List.of(
                        new Preprocessing.Column("x", 5, 2, List.of()),
                        new Preprocessing.Column("y", -3, 0.5, List.of())));
        Dataset data = new Dataset(
                blobs.name(),
                blobs.kind(),
                blobs.inputShape(),
                blobs.classNames(),
                blobs.train(),
                blobs.validation(),
                blobs.test(),
                prep,
                blobs.split(),
                List.of());
        float[] standardised = ((FloatFeatures) data.test().features()).data();
        float[] raw = new float[standardised.length];
        for (int i = 0; i < raw.length; i += 2) {
            raw[i] = standardised[i] * 2 + 5;
            raw[i + 1] = standardised[i + 1] * 0.5f - 3;
        }
        LayerStack mlp = LayerStack.of(TensorShape.of(2), new Dense(8), Activation.RELU, new Dense(2));
        try (TrainedModel model = train(data, mlp, epochs(3))) {
            assertOnnxAgrees(model, data.test(), raw);
        }
        LayerStack one = LayerStack.of(TensorShape.of(2), new Dense(8), Activation.RELU, new Dense(1));
        try (TrainedModel model = train(data, one, epochs(3).withLoss(LossKind.BINARY_CROSS_ENTROPY))) {
            assertOnnxAgrees(model, data.test(), raw);
        }
        try (TrainedModel model = train(data, mlp, epochs(3).withLoss(LossKind.MEAN_SQUARED_ERROR))) {
            assertOnnxAgrees(model, data.test(), raw);
        }
    }

    @Test
    void theJsonBesideTheModelSaysWhatTheInputIs() throws Exception {
        Dataset data = TinyData.tokens(20, 5);
        LayerStack stack = LayerStack.of(TensorShape.of(6), new Embedding(20, 4), new Lstm(4, false), new Dense(2));
        try (TrainedModel model = train(data, stack, epochs(1))) {
            Path target = folder.resolve("words.onnx");
            List<Path> made = Exports.write(ExportFormat.ONNX, ExportSource.of(model), target, false);
            assertEquals(List.of(folder.resolve("words.json"), target), made);
            JsonNode json =
                    new ObjectMapper().readTree(folder.resolve("words.json").toFile());
            assertEquals("text", json.path("kind").asText());
            assertEquals(6, json.path("text").path("sequence_length").asInt());
            assertEquals(
                    model.info().classNames().get(1),
                    json.path("classes").get(1).asText());

            ExportException exists = assertThrows(
                    ExportException.class,
                    () -> Exports.write(ExportFormat.ONNX, ExportSource.of(model), target, false));
            assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
            long before = Files.size(target);
            Exports.write(ExportFormat.ONNX, ExportSource.of(model), target, true);
            assertEquals(before, Files.size(target));
            try (var files = Files.list(folder)) {
                assertEquals(2, files.count(), "nothing else is left behind");
            }
        }
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
