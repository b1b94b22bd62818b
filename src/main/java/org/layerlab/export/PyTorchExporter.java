package org.layerlab.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.training.LayerWeights;
import org.layerlab.core.training.LossKind;
import org.layerlab.files.JsonFiles;

/**
 * Writes a trained model as a folder of PyTorch code and weights: {@code model.py} (the stack as
 * {@code torch.nn} modules, with {@code load()}), {@code weights.npz} (its state_dict as NumPy arrays),
 * {@code predict.py} (top class for images, CSV rows or lines of text), {@code preprocessing.json}
 * ({@link InputSpec}) and a README on using and training it further. The module takes the same raw input
 * as the ONNX export and returns LayerLab's probabilities.
 */
final class PyTorchExporter implements Exporter {
    static final String MODEL = "model.py";
    static final String WEIGHTS = "weights.npz";
    static final String PREDICT = "predict.py";
    static final String SPEC = "preprocessing.json";
    static final String README = "README.md";

    @Override
    public void write(ExportSource source, Path folder, String baseName) throws IOException, ExportException {
        PyTorchStack stack = PyTorchStack.of(source.model(), "PyTorch");
        String model = modelSource(stack, baseName);
        Files.writeString(folder.resolve(MODEL), model, StandardCharsets.UTF_8);
        writeWeights(stack, folder.resolve(WEIGHTS));
        Files.writeString(folder.resolve(PREDICT), resource("/export/pytorch/predict.py"), StandardCharsets.UTF_8);
        JsonFiles.write(folder.resolve(SPEC), InputSpec.json(stack.info()));
        Files.writeString(folder.resolve(README), PyTorchReadme.text(source, stack, baseName), StandardCharsets.UTF_8);
    }

    /** The state_dict: "layers.N.name" per parameter, BatchNorm's batch counter, a table's column statistics. */
    static void writeWeights(PyTorchStack stack, Path file) throws IOException {
        try (NpzWriter npz = NpzWriter.create(file)) {
            for (int i = 0; i < stack.computedLayers(); i++) {
                for (LayerWeights w : stack.weights(i)) {
                    npz.addFloats("layers." + i + "." + w.name(), w.shape(), w.values());
                }
                if (stack.layers().get(i) instanceof BatchNorm) {
                    // PyTorch counts training batches here; LayerLab does not, and eval mode never reads it.
                    npz.addLongs("layers." + i + ".num_batches_tracked", new int[0], new long[] {0});
                }
            }
            if (stack.info().preprocessing() instanceof Preprocessing.Tabular table) {
                float[][] statistics = columnStatistics(table);
                int[] shape = {statistics[0].length};
                npz.addFloats("input_mean", shape, statistics[0]);
                npz.addFloats("input_std", shape, statistics[1]);
            }
        }
    }

    /** Mean and std per input position; one-hot positions pass unchanged (mean 0, std 1). */
    static float[][] columnStatistics(Preprocessing.Tabular table) {
        float[] mean = new float[table.featureCount()];
        float[] std = new float[table.featureCount()];
        int at = 0;
        for (Preprocessing.Column column : table.columns()) {
            for (int p = 0; p < column.width(); p++) {
                mean[at] = column.categorical() ? 0f : (float) column.mean();
                std[at] = column.categorical() ? 1f : (float) column.std();
                at++;
            }
        }
        return new float[][] {mean, std};
    }

    static String modelSource(PyTorchStack stack, String name) throws ExportException {
        PyTorchModules modules = new PyTorchModules(stack);
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < stack.layers().size(); i++) {
            if (i >= stack.computedLayers()) {
                layers.append("            # ")
                        .append(stack.title(i))
                        .append(", applied in probabilities() as in LayerLab\n");
                continue;
            }
            String module = modules.module(i);
            layers.append(PyTorchStack.layerComment(
                            "            ", stack.title(i), PyTorchStack.batchShape(stack.output(i))))
                    .append('\n')
                    .append(PyTorchStack.call("            ", module))
                    .append(",\n");
        }
        StringBuilder helpers = new StringBuilder();
        for (String helper : modules.helpers()) {
            helpers.append("\n\n")
                    .append(PyTorchModules.HELPERS.get(helper).strip())
                    .append('\n');
        }
        Preprocessing prep = stack.info().preprocessing();
        int[] inputShape = stack.info().inputShape();
        return """
                \"""%NAME%: the network LayerLab trained, as PyTorch modules.

                load() builds the network and fills in the trained weights from
                weights.npz, next to this file.

                Input: %INPUT%;
                preprocessing.json has the details.
                Output: the probability of each class, in the order of CLASSES.

                    import torch
                    import model

                    net = model.load()
                    with torch.no_grad():
                        # A batch of one input:
                        probabilities = net(torch.zeros(1, %SHAPE%))

                Needs PyTorch and NumPy; on Debian:
                apt-get install python3-torch python3-numpy
                Written by LayerLab; see README.md.
                \"""

                from pathlib import Path

                import numpy as np
                import torch
                from torch import nn

                HERE = Path(__file__).resolve().parent

                # The classes, in the order of the probabilities the network gives.
                %CLASSES%

                # The shape of one raw input; a batch has the batch size in front.
                INPUT_SHAPE = %INPUT_SHAPE%
                %HELPERS%

                class LayerLabNet(nn.Module):
                    \"""The trained stack: raw input in, class probabilities out.

                    forward() returns probabilities, as LayerLab reports them; logits()
                    returns the last layer's raw outputs, which the loss reads when you
                    train further (see README.md).
                    \"""

                    def __init__(self):
                        super().__init__()
                %BUFFERS%        self.layers = nn.Sequential(
                %LAYERS%        )

                %PREPARE%

                    def logits(self, x):
                        \"""The last layer's raw outputs for a batch of raw input x.\"""
                        return self.layers(self.prepare(x))

                    def forward(self, x):
                        \"""Each class's probability for a batch of raw input x.\"""
                        return probabilities(self.logits(x))


                %PROBABILITIES%


                def load(weights=HERE / "weights.npz"):
                    \"""Builds the network, loads its trained weights, returns it in eval mode.

                    weights is the .npz file written with the network: one NumPy array
                    per entry of the module's state_dict(). In eval mode Dropout does
                    nothing and BatchNorm uses the running statistics from training, as
                    when LayerLab predicts; call .train() to train further.
                    \"""
                    net = LayerLabNet()
                    with np.load(weights) as archive:
                        state = {k: torch.tensor(archive[k]) for k in archive.files}
                    net.load_state_dict(state, strict=True)
                    return net.eval()


                if __name__ == "__main__":
                    print(load())
                """.replace("%NAME%", name)
                .replace("%INPUT%", inputDescription(prep))
                .replace("%SHAPE%", PyTorchReadme.shape(inputShape))
                .replace(
                        "%CLASSES%",
                        PyTorchStack.strings("CLASSES = ", stack.info().classNames()))
                .replace("%INPUT_SHAPE%", PyTorchStack.tuple(inputShape))
                .replace("%HELPERS%", helpers.toString())
                .replace("%BUFFERS%", buffers(prep))
                .replace("%LAYERS%", layers.toString())
                .replace("%PREPARE%", prepare(prep))
                .replace("%PROBABILITIES%", probabilities(stack.loss(), stack.outputs()));
    }

    static String inputDescription(Preprocessing prep) {
        if (prep instanceof Preprocessing.Image) {
            return "a batch of images, pixel values 0 to 255 (the network scales them)";
        }
        if (prep instanceof Preprocessing.Text) {
            return "a batch of sentences as token ids, one per word";
        }
        return "a batch of table rows, raw numbers (the network standardises them)";
    }

    private static String buffers(Preprocessing prep) {
        if (!(prep instanceof Preprocessing.Tabular table)) {
            return "";
        }
        int width = table.featureCount();
        return "        # The training data's mean and std per input position.\n"
                + "        self.register_buffer(\"input_mean\", torch.zeros(" + width + "))\n"
                + "        self.register_buffer(\"input_std\", torch.ones(" + width + "))\n";
    }

    private static String prepare(Preprocessing prep) {
        String body;
        if (prep instanceof Preprocessing.Image) {
            body = """
                    \"""Pixel values 0 to 255 → 0 to 1, as LayerLab scales them.\"""
                    return x.float() * (1 / 255)""";
        } else if (prep instanceof Preprocessing.Text) {
            body = """
                    \"""Token ids (also given as floats) as the int64 nn.Embedding reads.\"""
                    return x.long()""";
        } else {
            body = """
                    \"""Raw table features → what the network was trained on.

                    Each position is standardised, (x - mean) / std; one-hot category
                    positions have mean 0 and std 1, so they pass unchanged.
                    \"""
                    return (x.float() - self.input_mean) / self.input_std""";
        }
        return "    def prepare(self, x):\n" + indent(body, "        ");
    }

    /** LayerLab's own way from outputs to probabilities for the loss it trained with ({@code LossFunction}). */
    static String probabilities(LossKind loss, int outputs) {
        if (loss == LossKind.SOFTMAX_CROSS_ENTROPY) {
            return """
                    def probabilities(logits):
                        \"""Softmax over the classes: LayerLab trained with cross-entropy.\"""
                        return torch.softmax(logits, dim=1)""";
        }
        return PyTorchStack.probabilityFunction(
                        loss,
                        outputs,
                        loss == LossKind.BINARY_CROSS_ENTROPY ? "torch.sigmoid(logits)" : "torch.clamp(logits, 0, 1)",
                        outputs == 1
                                ? "torch.cat([1 - scores, scores], dim=1)"
                                : "scores / (scores.sum(dim=1, keepdim=True) + 1e-7)")
                .stripTrailing();
    }

    static String indent(String text, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            out.append(line.isEmpty() ? "" : prefix + line).append('\n');
        }
        return out.toString().stripTrailing();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PyTorchExporter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("LayerLab is missing its resource " + name + "; reinstall it.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
