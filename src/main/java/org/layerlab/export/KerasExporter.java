package org.layerlab.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.files.JsonFiles;

/**
 * Writes a trained model as a folder for Keras (TensorFlow 2): {@code model.py} (the stack as Keras layers,
 * {@code build()} and {@code load()}), {@code weights.npz} (the trained arrays, already in Keras' layouts, one
 * per {@code set_weights} entry), {@code preprocessing.json} ({@link InputSpec}) and a README. The model
 * takes the same raw input as the ONNX and PyTorch exports and returns LayerLab's probabilities.
 */
final class KerasExporter implements Exporter {
    static final String MODEL = "model.py";
    static final String WEIGHTS = "weights.npz";
    static final String README = "README.md";
    /** The README's note on how the Keras model holds images. */
    private static final String IMAGES = "\n\nImages run through the network channels last, as Keras' image layers "
            + "expect: the model takes (channels, height, width) like the other exports and turns it round itself "
            + "(`channels_last`), and turns it back before Flatten so that the Dense weights after it stay "
            + "LayerLab's. Padding is a `ZeroPadding2D` layer of its own, as LayerLab pads evenly on all sides.";

    @Override
    public void write(ExportSource source, Path folder, String baseName) throws IOException, ExportException {
        PyTorchStack stack = PyTorchStack.of(source.model(), "Keras");
        KerasLayers layers = new KerasLayers(stack);
        String model = modelSource(stack, layers, baseName);
        Files.writeString(folder.resolve(MODEL), model, StandardCharsets.UTF_8);
        try (NpzWriter npz = NpzWriter.create(folder.resolve(WEIGHTS))) {
            for (KerasLayers.LayerArrays layer : layers.weights()) {
                for (KerasLayers.Array a : layer.arrays()) {
                    npz.addFloats(a.key(), a.shape(), a.values());
                }
            }
        }
        JsonFiles.write(folder.resolve(PyTorchExporter.SPEC), InputSpec.json(stack.info()));
        Files.writeString(folder.resolve(README), readme(source, stack, baseName), StandardCharsets.UTF_8);
    }

    static String modelSource(PyTorchStack stack, KerasLayers keras, String name) throws ExportException {
        ModelInfo info = stack.info();
        Preprocessing prep = info.preprocessing();
        List<String> lines = new ArrayList<>();
        lines.add("keras.Input(shape=INPUT_SHAPE, name=\"input\")");
        if (prep instanceof Preprocessing.Image) {
            lines.add("# Pixel values 0 to 255 → 0 to 1, as LayerLab scales them");
            lines.add("layers.Rescaling(1 / 255, name=\"scale_pixels\")");
            lines.add("# Channels last, (height, width, channels), as Keras wants images");
            lines.add("layers.Permute((2, 3, 1), name=\"channels_last\")");
        } else if (prep instanceof Preprocessing.Tabular) {
            lines.add("# Raw features → (x - mean) / std, as LayerLab standardises them");
            lines.add("layers.Normalization(mean=INPUT_MEAN, variance=INPUT_STD**2, name=\"standardise\")");
        }
        for (int i = 0; i < stack.layers().size(); i++) {
            if (i >= stack.computedLayers()) {
                lines.add("# " + stack.title(i) + ", applied by the \"probabilities\" layer");
                continue;
            }
            lines.add(PyTorchStack.layerComment("", stack.title(i), kerasShape(stack.output(i))));
            lines.addAll(keras.layers(i));
        }
        int classes = info.classNames().size();
        if (stack.loss() == LossKind.SOFTMAX_CROSS_ENTROPY) {
            lines.add("# Softmax over the classes, as LayerLab does after cross-entropy");
            lines.add("layers.Softmax(axis=-1, name=\"probabilities\")");
        } else {
            lines.add("# LayerLab's probabilities for the loss it trained with");
            lines.add("layers.Lambda(probabilities, output_shape=(" + classes + ",), name=\"probabilities\")");
        }
        String body = lines.stream()
                .map(l -> l.startsWith("#")
                        ? l.lines().map(c -> "            " + c).collect(Collectors.joining("\n"))
                        : PyTorchStack.call("            ", l) + ",")
                .collect(Collectors.joining("\n"));
        StringBuilder load = new StringBuilder();
        for (KerasLayers.LayerArrays layer : keras.weights()) {
            load.append("        # ").append(layer.title()).append('\n');
            List<String> arrays =
                    layer.arrays().stream().map(a -> "w[\"" + a.key() + "\"]").toList();
            String call = "net.get_layer(\"" + layer.layer() + "\").set_weights([";
            load.append(PyTorchStack.wrap("        ", call, arrays, "])")).append('\n');
        }
        if (load.length() == 0) {
            load.append("        pass  # this network has no trained weights\n");
        }
        return """
                \"""%NAME%: the network LayerLab trained, as Keras layers.

                build() makes the network with untrained weights; load() also sets the
                trained weights from weights.npz, next to this file.

                Input: %INPUT%;
                preprocessing.json has the details.
                Output: the probability of each class, in the order of CLASSES.

                    import numpy as np
                    import model

                    net = model.load()
                    x = np.zeros((1, %SHAPE%), dtype="float32")  # a batch of one input
                    probabilities = net.predict(x)

                Written for TensorFlow 2 (pip install tensorflow). LayerLab's tests run
                this file on a NumPy stand-in for Keras, not on TensorFlow itself: see
                README.md.
                \"""

                from pathlib import Path

                import numpy as np
                %TF%from tensorflow import keras
                from tensorflow.keras import layers

                HERE = Path(__file__).resolve().parent

                # The classes, in the order of the probabilities the network gives.
                %CLASSES%

                # The shape of one raw input; a batch has the batch size in front.
                INPUT_SHAPE = %INPUT_SHAPE%
                %CONSTANTS%%PROBABILITIES%

                def build():
                    \"""The network: one Keras layer (or two) per LayerLab layer.\"""
                    return keras.Sequential(
                        [
                %BODY%
                        ],
                        name="layerlab",
                    )


                def load(weights=HERE / "weights.npz"):
                    \"""Builds the network and sets its trained weights.

                    weights is the .npz file written with the network. Its arrays are
                    already in Keras' layouts, one per entry of each layer's
                    get_weights(), named "layer_N/kernel" and so on.
                    \"""
                    net = build()
                    with np.load(weights) as w:
                %LOAD%    return net


                if __name__ == "__main__":
                    load().summary()
                """.replace("%NAME%", name)
                .replace("%INPUT%", PyTorchExporter.inputDescription(prep))
                .replace("%SHAPE%", PyTorchReadme.shape(info.inputShape()))
                .replace("%CLASSES%", PyTorchStack.strings("CLASSES = ", info.classNames()))
                .replace("%INPUT_SHAPE%", PyTorchStack.tuple(info.inputShape()))
                .replace("%CONSTANTS%", constants(prep))
                .replace("%PROBABILITIES%", probabilities(stack.loss(), stack.outputs()))
                .replace("%TF%", stack.loss() == LossKind.SOFTMAX_CROSS_ENTROPY ? "" : "import tensorflow as tf\n")
                .replace("%BODY%", body)
                .replace("%LOAD%", load.toString());
    }

    private static String constants(Preprocessing prep) {
        if (!(prep instanceof Preprocessing.Tabular table)) {
            return "";
        }
        float[][] statistics = PyTorchExporter.columnStatistics(table);
        return "\n# The training data's mean and std per input position\n"
                + "# (one-hot positions: 0 and 1).\n"
                + PyTorchStack.wrap("", "INPUT_MEAN = np.array([", floats(statistics[0]), "], dtype=\"float32\")")
                + "\n"
                + PyTorchStack.wrap("", "INPUT_STD = np.array([", floats(statistics[1]), "], dtype=\"float32\")")
                + "\n";
    }

    private static List<String> floats(float[] values) {
        List<String> texts = new ArrayList<>();
        for (float v : values) {
            texts.add(Float.toString(v));
        }
        return texts;
    }

    /** A shape as Keras has it: images channels last, (batch, height, width, channels). */
    private static String kerasShape(TensorShape shape) {
        return PyTorchStack.batchShape(
                shape.rank() == 3 ? TensorShape.of(shape.dim(1), shape.dim(2), shape.dim(0)) : shape);
    }

    /** For losses other than cross-entropy, the function the "probabilities" Lambda layer applies. */
    private static String probabilities(LossKind loss, int outputs) {
        if (loss == LossKind.SOFTMAX_CROSS_ENTROPY) {
            return "";
        }
        return "\n\n"
                + PyTorchStack.probabilityFunction(
                        loss,
                        outputs,
                        loss == LossKind.BINARY_CROSS_ENTROPY
                                ? "tf.sigmoid(logits)"
                                : "tf.clip_by_value(logits, 0.0, 1.0)",
                        outputs == 1
                                ? "tf.concat([1 - scores, scores], axis=1)"
                                : "scores / (tf.reduce_sum(scores, axis=1, keepdims=True) + 1e-7)");
    }

    private static String readme(ExportSource source, PyTorchStack stack, String name) {
        ModelInfo info = stack.info();
        TrainingConfig config = source.config() != null ? source.config() : TrainingConfig.DEFAULT;
        return """
                # %NAME%: a LayerLab model for Keras

                LayerLab trained this network (run "%RUN%") to tell %CLASSES% classes apart:
                %CLASS_LIST%. This folder holds it as Keras code and weights for TensorFlow 2.

                | File | What it is |
                |---|---|
                | `model.py` | The network as Keras layers, one (sometimes two) per LayerLab layer, each with the layer's name as a comment. `build()` makes it; `load()` also sets the trained weights. |
                | `weights.npz` | The trained weights as NumPy arrays, already in Keras' layouts: `layer_N/kernel`, `layer_N/bias`, ... in the order each layer's `set_weights()` takes them. |
                | `preprocessing.json` | The classes, the raw input the model takes and how LayerLab prepares it; the same file comes with the ONNX and PyTorch exports. |
                | `README.md` | This file. |

                It needs Python 3 with TensorFlow 2 and NumPy (`pip install tensorflow`; Debian has no
                TensorFlow package).

                ## Using the model

                ```python
                import numpy as np
                import model

                net = model.load()                        # trained weights set
                probabilities = net.predict(x)            # x: float32 array of shape (batch, %SHAPE%)
                best = probabilities.argmax(axis=1)       # positions in model.CLASSES
                ```

                %INPUT%%IMAGES% `python3 model.py` prints the network's summary.

                ## Training further

                %SETTINGS%

                The loss reads the last layer's raw outputs, so train a model that ends before the
                `probabilities` layer; it shares its layers (and weights) with `net`:

                ```python
                import model
                from tensorflow import keras

                net = model.load()
                logits = keras.Model(net.inputs, net.get_layer("probabilities").input)
                logits.compile(
                    optimizer=%OPTIMIZER%,
                    loss=%LOSS%,
                )
                # x_train: raw inputs as above; y_train: %TARGET%
                logits.fit(x_train, y_train, batch_size=%BATCH%, epochs=%EPOCHS%)
                net.save_weights("trained.weights.h5")  # or keep using net directly
                ```

                TensorFlow uses a GPU by itself when it finds one.%BATCH_NORM% Keras' optimizers follow
                slightly different formulas than LayerLab's for the epsilon and AdaGrad's start value, so
                training goes similarly, not identically.

                ## What was checked, and what was not

                The machine LayerLab's tests run on has no TensorFlow, so this Keras model has **not** been
                built or run with Keras there. The tests check that `model.py` is valid Python
                (`python3 -m py_compile`), and they run it on a small NumPy stand-in for the Keras layers it
                uses, written from Keras' documentation: the weight shapes (Dense kernels (in, out);
                convolution kernels (height, width, in, out); LSTM gates input, forget, cell, output with
                one bias; GRU gates update, reset, new with `reset_after=True`) and the layers' formulas.
                There it gives LayerLab's own probabilities within 1e-4 for a table MLP, a CNN and an
                Embedding → LSTM → GRU network. Where Keras itself differs from its documentation, that
                check cannot notice: compare this model with the PyTorch or ONNX export on a few inputs
                before you rely on it.
                """.replace("%NAME%", name)
                .replace("%RUN%", source.runName())
                .replace("%CLASSES%", Integer.toString(info.classNames().size()))
                .replace("%CLASS_LIST%", PyTorchReadme.classList(info))
                .replace("%SHAPE%", PyTorchReadme.shape(info.inputShape()))
                .replace("%INPUT%", PyTorchReadme.input(info.preprocessing(), info.inputShape()))
                .replace("%IMAGES%", info.preprocessing() instanceof Preprocessing.Image ? IMAGES : "")
                .replace(
                        "%BATCH_NORM%",
                        stack.layers().stream().anyMatch(l -> l instanceof BatchNorm)
                                ? " Batch normalisation uses momentum 0.9 and epsilon 1e-5, as LayerLab did."
                                : "")
                .replace("%SETTINGS%", PyTorchReadme.settings(source.config(), info.loss()))
                .replace("%OPTIMIZER%", optimizer(config.optimizer()))
                .replace("%LOSS%", loss(info.loss()))
                .replace("%TARGET%", target(info.loss(), stack.outputs()))
                .replace("%BATCH%", Integer.toString(config.batchSize()))
                .replace("%EPOCHS%", Integer.toString(config.epochs()));
    }

    /** The Keras optimizer nearest to the one LayerLab used. */
    static String optimizer(OptimizerSettings o) {
        String lr = "learning_rate=" + PyTorchReadme.number(o.learningRate());
        String eps = "epsilon=" + PyTorchReadme.number(o.epsilon());
        return switch (o.kind()) {
            case SGD -> "keras.optimizers.SGD(" + lr + ")";
            case MOMENTUM -> "keras.optimizers.SGD(" + lr + ", momentum=" + PyTorchReadme.number(o.momentum()) + ")";
            case ADAGRAD -> "keras.optimizers.Adagrad(" + lr + ", initial_accumulator_value=0.0, " + eps + ")";
            case RMSPROP ->
                "keras.optimizers.RMSprop(" + lr + ", rho=" + PyTorchReadme.number(o.rho()) + ", " + eps + ")";
            case ADAM ->
                "keras.optimizers.Adam(" + lr + ", beta_1=" + PyTorchReadme.number(o.beta1()) + ", beta_2="
                        + PyTorchReadme.number(o.beta2()) + ", " + eps + ")";
        };
    }

    private static String loss(LossKind loss) {
        return switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> "keras.losses.SparseCategoricalCrossentropy(from_logits=True)";
            case BINARY_CROSS_ENTROPY -> "keras.losses.BinaryCrossentropy(from_logits=True)";
            case MEAN_SQUARED_ERROR -> "keras.losses.MeanSquaredError()";
        };
    }

    private static String target(LossKind loss, int outputs) {
        if (loss == LossKind.SOFTMAX_CROSS_ENTROPY) {
            return "the class of each, as its position in model.CLASSES";
        }
        return outputs == 1
                ? "the class of each (0 or 1), as a float column of shape (batch, 1)"
                : "one-hot rows, keras.utils.to_categorical(classes, " + outputs + ")";
    }
}
