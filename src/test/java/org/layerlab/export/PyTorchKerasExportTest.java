package org.layerlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Samples;
import org.layerlab.core.data.Split;
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
import org.layerlab.core.training.Evaluation;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.Prediction;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.core.training.TrainingResult;
import org.layerlab.data.DataLoadException;
import org.layerlab.data.InputReader;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.testing.TinyData;

/**
 * Exports trained networks for PyTorch and Keras and checks them with Debian's Python (/usr/bin/python3):
 * the PyTorch module from {@code load()} must give LayerLab's own probabilities for the same raw input
 * within 1e-4, {@code predict.py} LayerLab's top class for an image, CSV rows and lines of text, and the
 * Keras {@code model.py} must compile and, run on a NumPy stand-in for Keras, give LayerLab's probabilities
 * too. Checks that need PyTorch and NumPy are skipped, saying what to install, where they are missing.
 */
class PyTorchKerasExportTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String INSTALL = "/usr/bin/python3 has no PyTorch and NumPy; to run this check, "
            + "apt-get install python3-torch python3-numpy";
    private static final double TOLERANCE = 1e-4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DjlTrainingEngine ENGINE = new DjlTrainingEngine();
    private static final java.util.Map<String, Boolean> MODULES = new java.util.HashMap<>();

    @TempDir
    Path dir;

    // ---- the three stacks ----

    /** Numbers x (mean 10, std 3) and y (mean -1, std 0.5) and a category colour (red, blue), two classes. */
    private static Dataset table() {
        Dataset blobs = TinyData.blobs(60, 3, 1f);
        Random random = new Random(5);
        Samples[] parts = {blobs.train(), blobs.validation(), blobs.test()};
        for (int p = 0; p < parts.length; p++) {
            FloatFeatures xy = (FloatFeatures) parts[p].features();
            float[] features = new float[xy.count() * 4];
            for (int i = 0; i < xy.count(); i++) {
                features[4 * i] = xy.data()[2 * i];
                features[4 * i + 1] = xy.data()[2 * i + 1];
                features[4 * i + 2 + random.nextInt(2)] = 1f;
            }
            parts[p] = new Samples(new FloatFeatures(features, 4), parts[p].labels());
        }
        Preprocessing prep = new Preprocessing.Tabular(
                "side",
                List.of(
                        new Preprocessing.Column("x", 10, 3, List.of()),
                        new Preprocessing.Column("y", -1, 0.5, List.of()),
                        new Preprocessing.Column("colour", 0, 1, List.of("red", "blue"))));
        return new Dataset(
                "table",
                DataKind.TABULAR,
                new int[] {4},
                blobs.classNames(),
                parts[0],
                parts[1],
                parts[2],
                prep,
                new Split(0.2, 0.2, 3),
                List.of());
    }

    private static final LayerStack MLP = LayerStack.of(
            TensorShape.of(4),
            new Dense(16),
            new BatchNorm(),
            new Activation(ActivationFunction.LEAKY_RELU),
            new Dropout(0.2),
            new Dense(2),
            new Activation(ActivationFunction.SOFTMAX));

    private static final LayerStack CNN = LayerStack.of(
            TensorShape.of(1, 8, 8),
            new Conv2D(4, 3, 1, Padding.SAME),
            new BatchNorm(),
            Activation.RELU,
            new MaxPool2D(2),
            new Conv2D(6, 3, 2, Padding.SAME),
            new Activation(ActivationFunction.TANH),
            new AvgPool2D(2, 1),
            new Flatten(),
            new Dense(8),
            new Activation(ActivationFunction.SIGMOID),
            new Dense(2));

    private static final LayerStack TEXT = LayerStack.of(
            TensorShape.of(6),
            new Embedding(20, 4),
            new Lstm(5, true),
            new BatchNorm(),
            new Gru(3, false),
            new Dense(1));

    private static TrainedModel train(Dataset data, LayerStack stack, LossKind loss, int epochs) {
        TrainingConfig config =
                TrainingConfig.DEFAULT.withLoss(loss).withEpochs(epochs).withBatchSize(16);
        TrainingResult result = ENGINE.train(data, stack, config, TrainingObserver.NONE, new TrainingControl());
        assertNotNull(result.model(), () -> "training failed: " + result);
        return result.model();
    }

    // ---- PyTorch: load() gives LayerLab's probabilities ----

    @Test
    void tableMlpStandardisesRawFeaturesAndMatchesLayerLab() throws Exception {
        Dataset data = table();
        try (TrainedModel model = train(data, MLP, LossKind.SOFTMAX_CROSS_ENTROPY, 4)) {
            Path folder = export(ExportFormat.PYTORCH, model, "mlp");
            assertMatchesLayerLab(model, data, loadPyTorch(folder), "table MLP");
            String source = Files.readString(folder.resolve("model.py"));
            assertTrue(source.contains("# Layer 1: Dense(16) → (batch, 16)\n            nn.Linear(4, 16),"));
            assertTrue(source.contains("# Layer 6: Softmax, applied in probabilities() as in LayerLab"));
            assertTrue(source.contains("return (x.float() - self.input_mean) / self.input_std"));
            assertReadmeTrainingLoopRuns(folder);
        }
    }

    /**
     * The README's training loop, on made-up data: it must train on the CPU, save weights.npz, and
     * load() must read them back.
     */
    private void assertReadmeTrainingLoopRuns(Path folder) throws Exception {
        String readme = Files.readString(folder.resolve("README.md"));
        int start = readme.indexOf("```python\nimport numpy as np");
        assertTrue(start >= 0, readme);
        String loop = readme.substring(start + "```python\n".length(), readme.indexOf("```", start + 3));
        byte[] before = Files.readAllBytes(folder.resolve("weights.npz"));
        python(folder, """
                import sys
                import numpy as np
                import torch
                sys.path.insert(0, ".")
                x_train = torch.tensor(np.random.default_rng(1).normal(5, 4, (48, 4)).astype("float32"))
                y_train = torch.randint(0, 2, (48,))
                """ + loop + """
                        p = model.load()(x_train[:3])
                        assert torch.allclose(p.sum(dim=1), torch.ones(3)), p
                        """);
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(folder.resolve("weights.npz"))));
    }

    @Test
    void cnnWithPaddingBatchNormAndPoolingMatchesLayerLab() throws Exception {
        Dataset data = TinyData.halves(40, 7);
        try (TrainedModel model = train(data, CNN, LossKind.BINARY_CROSS_ENTROPY, 3)) {
            Path folder = export(ExportFormat.PYTORCH, model, "cnn");
            assertMatchesLayerLab(model, data, loadPyTorch(folder), "CNN");
            String source = Files.readString(folder.resolve("model.py"));
            assertTrue(source.contains("nn.Conv2d(1, 4, kernel_size=3, stride=1, padding=1)"));
            assertTrue(source.contains("nn.Conv2d(4, 6, kernel_size=3, stride=2, padding=1)"));
            assertTrue(source.contains("nn.AvgPool2d(kernel_size=2, stride=1)"));
        }
    }

    @Test
    void embeddingLstmBatchNormGruTextStackMatchesLayerLab() throws Exception {
        Dataset data = TinyData.tokens(40, 9);
        try (TrainedModel model = train(data, TEXT, LossKind.MEAN_SQUARED_ERROR, 3)) {
            Path folder = export(ExportFormat.PYTORCH, model, "text");
            assertMatchesLayerLab(model, data, loadPyTorch(folder), "text stack");
            String source = Files.readString(folder.resolve("model.py"));
            assertTrue(source.contains("LSTM(4, 5, return_sequences=True)"));
            assertTrue(source.contains("SequenceBatchNorm(5, eps=1e-05)"));
            assertTrue(source.contains("GRU(5, 3, return_sequences=False)"));
        }
    }

    // ---- predict.py on files ----

    @Test
    void predictPrintsLayerLabsTopClassForAnImage() throws Exception {
        Dataset data = TinyData.halves(40, 11);
        try (TrainedModel model = train(data, CNN, LossKind.SOFTMAX_CROSS_ENTROPY, 3)) {
            Path folder = export(ExportFormat.PYTORCH, model, "predict");
            byte[] pixels = ((ByteFeatures) data.test().features()).data();
            List<Path> images = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        int v = pixels[s * 64 + y * 8 + x] & 0xFF;
                        image.setRGB(x, y, (v << 16) | (v << 8) | v);
                    }
                }
                Path png = dir.resolve("sample" + s + ".png");
                ImageIO.write(image, "png", png.toFile());
                images.add(png);
            }
            assertPredictAgrees(model, folder, images);
        }
    }

    @Test
    void predictPrintsLayerLabsTopClassForCsvRows() throws Exception {
        Dataset data = table();
        try (TrainedModel model = train(data, MLP, LossKind.SOFTMAX_CROSS_ENTROPY, 4)) {
            Path folder = export(ExportFormat.PYTORCH, model, "predict");
            // The columns in another order and case, as LayerLab accepts them.
            Path csv = dir.resolve("rows.csv");
            Files.writeString(csv, """
                    colour,Y,x,note
                    red,-1.2,4.5,a
                    blue,-0.4,16.25,"b, c"
                    red,-1.0,10,d
                    """);
            assertPredictAgrees(model, folder, List.of(csv));
        }
    }

    @Test
    void predictPrintsLayerLabsTopClassForLinesOfText() throws Exception {
        Dataset data = TinyData.tokens(40, 13);
        // One output for two classes with binary cross-entropy: P(with) = sigmoid(output).
        try (TrainedModel model = train(data, TEXT, LossKind.BINARY_CROSS_ENTROPY, 3)) {
            Path folder = export(ExportFormat.PYTORCH, model, "predict");
            Path text = dir.resolve("sentences.txt");
            Files.writeString(text, """
                    w3 W7, w12 w5!
                    w2 w3 w4 w18

                    don't w9 hello w11 w12 w13 w14 w15 w16 w7
                    """);
            assertPredictAgrees(model, folder, List.of(text));
        }
    }

    // ---- Keras ----

    /**
     * Keras is not installed here: model.py must compile, and under a NumPy stand-in for the Keras layers it
     * uses (written from Keras' documented weight shapes and formulas) it must give LayerLab's probabilities.
     */
    @Test
    void kerasModelsCompileAndMatchLayerLabUnderANumpyStandInForKeras() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3 (apt-get install python3)");
        record Case(String name, Dataset data, LayerStack stack, LossKind loss) {}
        List<Case> cases = List.of(
                new Case("mlp", table(), MLP, LossKind.SOFTMAX_CROSS_ENTROPY),
                new Case("cnn", TinyData.halves(20, 1), CNN, LossKind.BINARY_CROSS_ENTROPY),
                new Case("text", TinyData.tokens(20, 1), TEXT, LossKind.MEAN_SQUARED_ERROR));
        boolean numpy = importable("numpy");
        Path standIn = kerasStandIn();
        for (Case c : cases) {
            try (TrainedModel model = train(c.data(), c.stack(), c.loss(), 2)) {
                Path folder = export(ExportFormat.KERAS, model, c.name());
                assertTrue(Files.exists(folder.resolve("preprocessing.json")));
                assertTrue(Files.readString(folder.resolve("README.md")).contains("has **not** been"));
                run(
                        List.of(
                                PYTHON.toString(),
                                "-m",
                                "py_compile",
                                folder.resolve("model.py").toString()),
                        dir);
                String source = Files.readString(folder.resolve("model.py"));
                if (c.name().equals("cnn")) {
                    assertTrue(source.contains("layers.ZeroPadding2D(1, name=\"layer_5_padding\"),"));
                    assertTrue(source.contains("layers.Conv2D(6, 3, strides=2, name=\"layer_5\"),"));
                    assertTrue(source.contains("layers.Permute((3, 1, 2), name=\"layer_8_channels_first\"),"));
                    assertTrue(source.contains("# Layer 4: MaxPool2D(2×2) → (batch, 4, 4, 4)"));
                } else if (c.name().equals("text")) {
                    assertTrue(source.contains("reset_after=True"));
                    assertTrue(source.contains("                output_shape=(2,),\n"));
                }
                if (numpy) {
                    assertMatchesLayerLab(model, c.data(), loadKeras(folder, standIn), "Keras " + c.name());
                }
            }
        }
        assumeTrue(
                numpy,
                "/usr/bin/python3 has no NumPy, so the Keras models only compiled; to run them on "
                        + "the NumPy stand-in, apt-get install python3-numpy");
    }

    // ---- what cannot be exported ----

    @Test
    void aModelThatCannotListItsWeightsIsOneClearMessage() {
        TrainedModel opaque = new OpaqueModel();
        Path target = dir.resolve("opaque");
        for (ExportFormat format : List.of(ExportFormat.PYTORCH, ExportFormat.KERAS)) {
            ExportException e = assertThrows(
                    ExportException.class, () -> Exports.write(format, ExportSource.of(opaque), target, false));
            assertTrue(e.getMessage().startsWith("This model cannot be written as "), e.getMessage());
            assertTrue(e.getMessage().contains("cannot list its weights"), e.getMessage());
            assertFalse(Files.exists(target));
        }
    }

    @Test
    void npzArraysReadBackInNumpyWithTheirShapesAndTypes() throws Exception {
        byte[] header = NpzWriter.header("<f4", new int[] {2, 3});
        assertEquals(0, header.length % 64);
        assertTrue(new String(header, StandardCharsets.US_ASCII).contains("'shape': (2, 3), }"));
        assertTrue(new String(NpzWriter.header("<f4", new int[] {5}), StandardCharsets.US_ASCII)
                .contains("'shape': (5,), }"));
        Path file = dir.resolve("arrays.npz");
        try (NpzWriter npz = NpzWriter.create(file)) {
            npz.addFloats("layers.0.weight", new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f});
            npz.addFloats("scale", new int[0], new float[] {0.25f});
            npz.addLongs("count", new int[0], new long[] {7});
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> new NpzWriter(new ByteArrayOutputStream()).addFloats("x", new int[] {3}, new float[2]));
        assumeTrue(
                importable("numpy"), "/usr/bin/python3 has no NumPy; to run this check, apt-get install python3-numpy");
        String out = python("""
                import sys
                import numpy as np
                with np.load(sys.argv[1]) as z:
                    for k in sorted(z.files):
                        a = z[k]
                        print(k, a.dtype, a.shape, a.flags["C_CONTIGUOUS"], a.ravel().tolist())
                """, file.toString());
        assertEquals(
                List.of(
                        "count int64 () True [7]",
                        "layers.0.weight float32 (2, 3) True [1.0, 2.0, 3.0, 4.0, 5.0, -6.5]",
                        "scale float32 () True [0.25]"),
                out.lines().toList());
    }

    // ---- helpers ----

    private Path export(ExportFormat format, TrainedModel model, String name) throws IOException, ExportException {
        Path folder = dir.resolve(format.cliName() + "-" + name);
        List<Path> made = Exports.write(format, ExportSource.of(model), folder, false);
        assertEquals(List.of(folder.toAbsolutePath().normalize()), made);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".py")).toList()) {
                assertTidyPython(file);
            }
        }
        return folder;
    }

    /** PEP 8 as far as a line can show it: at most 79 characters, spaces not tabs, no trailing blanks. */
    private static void assertTidyPython(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = file.getFileName() + " line " + (i + 1) + ": " + line;
            assertTrue(line.length() <= 79, where);
            assertFalse(line.contains("\t"), where);
            assertEquals(line.stripTrailing(), line, where);
            if (line.startsWith("def ") || line.startsWith("class ")) {
                assertTrue(lines.get(i - 1).isEmpty() && lines.get(i - 2).isEmpty(), where);
            }
        }
        assertFalse(lines.get(lines.size() - 1).isEmpty(), file + " ends in blank lines");
    }

    /** A Python snippet that sets p to the probabilities an export gives x, with the folders it imports from. */
    private record Loader(String script, List<String> path, String modules, String install) {}

    private static Loader loadPyTorch(Path folder) {
        return new Loader("""
                import torch
                net = model.load()
                assert not net.training
                with torch.no_grad():
                    p = net(torch.tensor(x)).numpy()
                """, List.of(folder.toString()), "torch, numpy", INSTALL);
    }

    /** The stand-in comes before the installed packages: the check runs it even where TensorFlow is installed. */
    private static Loader loadKeras(Path folder, Path standIn) {
        return new Loader(
                "p = model.load().predict(x)\n",
                List.of(folder.toString(), standIn.toString()),
                "numpy",
                "/usr/bin/python3 has no NumPy; to run this check, apt-get install python3-numpy");
    }

    /**
     * The test samples as raw input, what predict.py and users give an export: pixels 0 to 255, table
     * numbers as they were before standardising (one-hot positions as they are), token ids.
     */
    private static float[] rawInput(Dataset data) {
        FeatureStore features = data.test().features();
        if (features instanceof ByteFeatures bytes) {
            float[] raw = new float[bytes.data().length];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = bytes.data()[i] & 0xFF;
            }
            return raw;
        }
        if (features instanceof TokenFeatures tokens) {
            float[] raw = new float[tokens.data().length];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = tokens.data()[i];
            }
            return raw;
        }
        FloatFeatures table = (FloatFeatures) features;
        float[][] statistics = PyTorchExporter.columnStatistics((Preprocessing.Tabular) data.preprocessing());
        float[] raw = table.data().clone();
        for (int i = 0; i < raw.length; i++) {
            int position = i % table.sampleSize();
            raw[i] = raw[i] * statistics[1][position] + statistics[0][position];
        }
        return raw;
    }

    /** Runs an export on the test samples' raw input and compares each probability with LayerLab's. */
    private void assertMatchesLayerLab(TrainedModel model, Dataset data, Loader loader, String what) throws Exception {
        assumeTrue(importable(loader.modules()), loader.install());
        float[] raw = rawInput(data);
        StringBuilder values = new StringBuilder("[");
        for (int i = 0; i < raw.length; i++) {
            values.append(i == 0 ? "" : ",").append(raw[i]);
        }
        Path input = Files.createTempFile(dir, "input", ".json");
        Files.writeString(input, values.append(']').toString());
        String shape = PyTorchReadme.shape(model.info().inputShape()).replace(" ", "");
        String script = """
                import json, sys
                sys.path[:0] = sys.argv[3:]
                import numpy as np
                import model
                shape = [int(d) for d in sys.argv[2].split(",")]
                x = np.array(json.load(open(sys.argv[1])), dtype=np.float32).reshape([-1] + shape)
                """ + loader.script() + "print(json.dumps(np.asarray(p).astype(float).tolist()))\n";
        String out = python(
                script,
                Stream.concat(Stream.of(input.toString(), shape), loader.path().stream())
                        .toArray(String[]::new));
        JsonNode exported = JSON.readTree(out);
        List<Prediction> expected = model.predict(data.test().features());
        assertEquals(expected.size(), exported.size());
        double max = 0;
        for (int s = 0; s < expected.size(); s++) {
            float[] p = expected.get(s).probabilities();
            assertEquals(p.length, exported.get(s).size());
            for (int c = 0; c < p.length; c++) {
                max = Math.max(max, Math.abs(p[c] - exported.get(s).get(c).asDouble()));
            }
        }
        System.out.printf(
                Locale.ROOT, "%s: %d samples, largest difference from LayerLab %.3g%n", what, expected.size(), max);
        assertTrue(max <= TOLERANCE, what + ": the export differs from LayerLab by " + max);
    }

    /**
     * A NumPy stand-in for the parts of TensorFlow and Keras that the Keras export uses, written from Keras'
     * documentation: weight shapes (Dense kernels (in, out); Conv2D kernels (height, width, in, out);
     * BatchNormalization gamma, beta, moving mean and variance; LSTM kernels (in, 4 units) with gates input,
     * forget, cell, output and one bias; GRU kernels (in, 3 units) with gates update, reset, new and a (2, 3
     * units) bias with reset_after) and formulas, channels last. Its set_weights refuses any other shape.
     */
    private Path kerasStandIn() throws IOException {
        Path root = dir.resolve("keras-stand-in");
        Files.createDirectories(root.resolve("tensorflow/keras"));
        Files.writeString(root.resolve("tensorflow/__init__.py"), """
                # A NumPy stand-in for the TensorFlow functions LayerLab's Keras export uses; tests only.
                import numpy as np

                from . import keras  # noqa: F401


                def sigmoid(x):
                    return 1 / (1 + np.exp(-x))


                def clip_by_value(x, low, high):
                    return np.clip(x, low, high)


                def concat(values, axis):
                    return np.concatenate(values, axis=axis)


                def reduce_sum(x, axis, keepdims=False):
                    return np.sum(x, axis=axis, keepdims=keepdims)
                """);
        Files.writeString(root.resolve("tensorflow/keras/__init__.py"), """
                # A NumPy stand-in for keras.Input and keras.Sequential; tests only.
                import numpy as np

                from . import layers  # noqa: F401


                class Input:
                    def __init__(self, shape, name=None):
                        self.shape = tuple(shape)


                class Sequential:
                    def __init__(self, items, name=None):
                        self.input_shape = items[0].shape
                        self.layers = items[1:]
                        shape = self.input_shape
                        for layer in self.layers:
                            shape = layer.build(shape)
                        names = [layer.name for layer in self.layers]
                        assert None not in names and len(set(names)) == len(names), names

                    def get_layer(self, name):
                        return next(layer for layer in self.layers if layer.name == name)

                    def predict(self, x, verbose=0):
                        x = np.asarray(x, dtype=np.float64)
                        assert x.shape[1:] == self.input_shape, (x.shape, self.input_shape)
                        for layer in self.layers:
                            x = layer.call(x)
                        return x
                """);
        Files.writeString(root.resolve("tensorflow/keras/layers.py"), """
                # NumPy stand-ins for the Keras layers LayerLab's export uses, with the weight shapes and formulas of
                # Keras' documentation (channels last, kernels (in, out), LSTM gates i f c o, GRU gates z r h with
                # reset_after); tests only.
                import numpy as np


                def _sigmoid(x):
                    return 1 / (1 + np.exp(-x))


                class Layer:
                    def __init__(self, name=None):
                        self.name = name
                        self.shapes = []
                        self.weights = None

                    def build(self, shape):
                        return shape

                    def set_weights(self, arrays):
                        assert [a.shape for a in arrays] == self.shapes, (self.name, [a.shape for a in arrays], self.shapes)
                        self.weights = [np.asarray(a, dtype=np.float64) for a in arrays]

                    def call(self, x):
                        return x


                class Rescaling(Layer):
                    def __init__(self, scale, name=None):
                        super().__init__(name)
                        self.scale = scale

                    def call(self, x):
                        return x * self.scale


                class Normalization(Layer):
                    def __init__(self, mean, variance, name=None):
                        super().__init__(name)
                        self.mean, self.variance = np.asarray(mean), np.asarray(variance)

                    def call(self, x):
                        return (x - self.mean) / np.maximum(np.sqrt(self.variance), 1e-7)


                class Permute(Layer):
                    def __init__(self, dims, name=None):
                        super().__init__(name)
                        self.dims = tuple(dims)

                    def build(self, shape):
                        return tuple(shape[d - 1] for d in self.dims)

                    def call(self, x):
                        return np.transpose(x, (0,) + self.dims)


                class ZeroPadding2D(Layer):
                    def __init__(self, padding, name=None):
                        super().__init__(name)
                        self.p = padding

                    def build(self, shape):
                        h, w, c = shape
                        return (h + 2 * self.p, w + 2 * self.p, c)

                    def call(self, x):
                        p = self.p
                        return np.pad(x, ((0, 0), (p, p), (p, p), (0, 0)))


                def _windows(x, size, stride):
                    # (n, h, w, c) → (n, oh, ow, size, size, c)
                    n, h, w, c = x.shape
                    oh, ow = (h - size) // stride + 1, (w - size) // stride + 1
                    out = np.empty((n, oh, ow, size, size, c))
                    for i in range(oh):
                        for j in range(ow):
                            out[:, i, j] = x[:, i * stride:i * stride + size, j * stride:j * stride + size, :]
                    return out


                class Conv2D(Layer):
                    def __init__(self, filters, kernel_size, strides=1, name=None):
                        super().__init__(name)
                        self.filters, self.k, self.s = filters, kernel_size, strides

                    def build(self, shape):
                        h, w, c = shape
                        self.shapes = [(self.k, self.k, c, self.filters), (self.filters,)]
                        return ((h - self.k) // self.s + 1, (w - self.k) // self.s + 1, self.filters)

                    def call(self, x):
                        kernel, bias = self.weights
                        return np.tensordot(_windows(x, self.k, self.s), kernel, axes=([3, 4, 5], [0, 1, 2])) + bias


                class _Pooling2D(Layer):
                    def __init__(self, pool_size, strides=None, name=None):
                        super().__init__(name)
                        self.size, self.s = pool_size, strides or pool_size

                    def build(self, shape):
                        h, w, c = shape
                        return ((h - self.size) // self.s + 1, (w - self.size) // self.s + 1, c)


                class MaxPooling2D(_Pooling2D):
                    def call(self, x):
                        return _windows(x, self.size, self.s).max(axis=(3, 4))


                class AveragePooling2D(_Pooling2D):
                    def call(self, x):
                        return _windows(x, self.size, self.s).mean(axis=(3, 4))


                class Flatten(Layer):
                    def build(self, shape):
                        return (int(np.prod(shape)),)

                    def call(self, x):
                        return x.reshape(len(x), -1)


                class Dropout(Layer):
                    def __init__(self, rate, name=None):
                        super().__init__(name)


                class BatchNormalization(Layer):
                    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, name=None):
                        super().__init__(name)
                        assert axis == -1
                        self.epsilon = epsilon

                    def build(self, shape):
                        self.shapes = [(shape[-1],)] * 4
                        return shape

                    def call(self, x):
                        gamma, beta, mean, variance = self.weights
                        return gamma * (x - mean) / np.sqrt(variance + self.epsilon) + beta


                class ReLU(Layer):
                    def call(self, x):
                        return np.maximum(x, 0)


                class LeakyReLU(Layer):
                    def __init__(self, negative_slope=0.3, name=None):
                        super().__init__(name)
                        self.slope = negative_slope

                    def call(self, x):
                        return np.where(x >= 0, x, self.slope * x)


                class Activation(Layer):
                    def __init__(self, activation, name=None):
                        super().__init__(name)
                        self.function = {"sigmoid": _sigmoid, "tanh": np.tanh}[activation]

                    def call(self, x):
                        return self.function(x)


                class Softmax(Layer):
                    def __init__(self, axis=-1, name=None):
                        super().__init__(name)
                        self.axis = axis

                    def call(self, x):
                        e = np.exp(x - x.max(axis=self.axis, keepdims=True))
                        return e / e.sum(axis=self.axis, keepdims=True)


                class Embedding(Layer):
                    def __init__(self, input_dim, output_dim, name=None):
                        super().__init__(name)
                        self.shapes = [(input_dim, output_dim)]

                    def build(self, shape):
                        return shape + (self.shapes[0][1],)

                    def call(self, x):
                        return self.weights[0][x.astype(np.int64)]


                class _Recurrent(Layer):
                    gates = 0

                    def __init__(self, units, return_sequences=False, recurrent_activation="sigmoid", name=None):
                        super().__init__(name)
                        assert recurrent_activation == "sigmoid"
                        self.units, self.sequences = units, return_sequences

                    def build(self, shape):
                        steps, features = shape
                        self.shapes = [(features, self.gates * self.units), (self.units, self.gates * self.units), self.bias_shape()]
                        return (steps, self.units) if self.sequences else (self.units,)

                    def call(self, x):
                        state = [np.zeros((len(x), self.units))] * 2
                        outputs = []
                        for t in range(x.shape[1]):
                            state = self.step(x[:, t], state)
                            outputs.append(state[0])
                        return np.stack(outputs, axis=1) if self.sequences else outputs[-1]


                class LSTM(_Recurrent):
                    gates = 4

                    def bias_shape(self):
                        return (4 * self.units,)

                    def step(self, x, state):
                        h, c = state
                        kernel, recurrent, bias = self.weights
                        i, f, g, o = np.split(x @ kernel + h @ recurrent + bias, 4, axis=1)
                        c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
                        return [_sigmoid(o) * np.tanh(c), c]


                class GRU(_Recurrent):
                    gates = 3

                    def __init__(self, units, return_sequences=False, recurrent_activation="sigmoid", reset_after=False,
                                 name=None):
                        super().__init__(units, return_sequences, recurrent_activation, name)
                        assert reset_after

                    def bias_shape(self):
                        return (2, 3 * self.units)

                    def step(self, x, state):
                        h = state[0]
                        kernel, recurrent, bias = self.weights
                        xz, xr, xh = np.split(x @ kernel + bias[0], 3, axis=1)
                        hz, hr, hh = np.split(h @ recurrent + bias[1], 3, axis=1)
                        z, r = _sigmoid(xz + hz), _sigmoid(xr + hr)
                        return [z * h + (1 - z) * np.tanh(xh + r * hh), None]


                class Dense(Layer):
                    def __init__(self, units, use_bias=True, name=None):
                        super().__init__(name)
                        self.units, self.use_bias = units, use_bias

                    def build(self, shape):
                        self.shapes = [(shape[-1], self.units)] + ([(self.units,)] if self.use_bias else [])
                        return shape[:-1] + (self.units,)

                    def call(self, x):
                        return x @ self.weights[0] + (self.weights[1] if self.use_bias else 0)


                class Lambda(Layer):
                    def __init__(self, function, output_shape=None, name=None):
                        super().__init__(name)
                        self.function, self.output_shape = function, output_shape

                    def build(self, shape):
                        return tuple(self.output_shape)

                    def call(self, x):
                        return self.function(x)
                """);
        return root;
    }

    /** predict.py's lines must name LayerLab's top class, with its probability, for each input. */
    private void assertPredictAgrees(TrainedModel model, Path folder, List<Path> files) throws Exception {
        assumeTrue(torchAvailable(), INSTALL);
        List<String> expected = new ArrayList<>();
        List<Float> probabilities = new ArrayList<>();
        List<String> classes = model.info().classNames();
        for (Path file : files) {
            InputReader.Inputs inputs = read(file, model.info().preprocessing());
            List<Prediction> predictions = model.predict(inputs.features());
            for (int i = 0; i < predictions.size(); i++) {
                Prediction p = predictions.get(i);
                expected.add(inputs.names().get(i) + ": " + classes.get(p.predictedClass()));
                probabilities.add(p.probabilities()[p.predictedClass()]);
            }
        }
        List<String> command = new ArrayList<>(
                List.of(PYTHON.toString(), folder.resolve("predict.py").toString()));
        files.forEach(f -> command.add(f.toString()));
        List<String> lines = run(command, dir).lines().toList();
        assertEquals(expected.size(), lines.size(), String.join("\n", lines));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int space = line.lastIndexOf(' ');
            assertEquals(expected.get(i), line.substring(0, space), line);
            double percent = Double.parseDouble(line.substring(space + 1, line.length() - 1));
            assertEquals(100 * probabilities.get(i), percent, 0.051, line);
        }
    }

    private static InputReader.Inputs read(Path file, Preprocessing prep) throws DataLoadException {
        return InputReader.read(file, prep);
    }

    private static boolean torchAvailable() {
        return importable("torch, numpy");
    }

    /** True when /usr/bin/python3 can import {@code modules} ("torch, numpy"). */
    private static synchronized boolean importable(String modules) {
        return MODULES.computeIfAbsent(modules, m -> {
            try {
                return Files.isExecutable(PYTHON)
                        && new ProcessBuilder(PYTHON.toString(), "-c", "import " + m)
                                        .redirectErrorStream(true)
                                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                        .start()
                                        .waitFor()
                                == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private String python(String script, String... arguments) throws Exception {
        return python(dir, script, arguments);
    }

    /** Runs a Python script in {@code workingDirectory}; its standard output. */
    private String python(Path workingDirectory, String script, String... arguments) throws Exception {
        Path file = Files.createTempFile(dir, "check", ".py");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), file.toString()));
        command.addAll(List.of(arguments));
        return run(command, workingDirectory);
    }

    /** Runs a command; its standard output, or a failure that shows what it printed. */
    private static String run(List<String> command, Path workingDirectory) throws Exception {
        Process process =
                new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
        String stdout = text(process.getInputStream());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        assertEquals(0, process.exitValue(), () -> command + " failed:\n" + stdout + stderr.join());
        return stdout;
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model that cannot list its weights, as a test double or a model from another engine. */
    private static final class OpaqueModel implements TrainedModel {
        private final LayerStack stack = LayerStack.of(TensorShape.of(2), new Dense(2));

        @Override
        public LayerStack stack() {
            return stack;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo(
                    DataKind.TABULAR,
                    new int[] {2},
                    List.of("a", "b"),
                    new Preprocessing.Tabular(
                            "label",
                            List.of(
                                    new Preprocessing.Column("x", 0, 1, List.of()),
                                    new Preprocessing.Column("y", 0, 1, List.of()))),
                    LossKind.SOFTMAX_CROSS_ENTROPY,
                    new Split(0.2, 0.2, 1),
                    "",
                    0);
        }

        @Override
        public List<Prediction> predict(FeatureStore inputs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Evaluation evaluate(Samples samples) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveWeights(Path folder) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }
}
