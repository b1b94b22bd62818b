package org.layerlab.export;

import java.util.Locale;
import java.util.stream.Collectors;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainingConfig;

/**
 * The README.md of a PyTorch export: what each file is, how to predict, how to call the model from code,
 * and how to train it further with the loss and optimizer LayerLab used. The sections on the input and on
 * the training settings are shared with the Keras export's README.
 */
final class PyTorchReadme {

    private PyTorchReadme() {}

    static String text(ExportSource source, PyTorchStack stack, String name) {
        ModelInfo info = stack.info();
        int classes = info.classNames().size();
        return """
                # %NAME%: a LayerLab model for PyTorch

                LayerLab trained this network (run "%RUN%") to tell %CLASSES% classes apart:
                %CLASS_LIST%. This folder holds it as PyTorch code and weights.

                | File | What it is |
                |---|---|
                | `model.py` | The network as `torch.nn` modules, one per LayerLab layer (each with the layer's name as a comment). `load()` builds it, loads the trained weights and returns it ready to predict. |
                | `weights.npz` | The trained weights: one NumPy array per entry of the module's `state_dict()` (`layers.0.weight`, ...). |
                | `predict.py` | Prints the likeliest class for %PREDICT_WHAT%. |
                | `preprocessing.json` | The classes, the raw input the model takes and how LayerLab prepares it; the same file comes with the ONNX and Keras exports. |
                | `README.md` | This file. |

                It needs Python 3 with PyTorch and NumPy: on Debian or Ubuntu `apt-get install python3-torch
                python3-numpy`, elsewhere `pip install torch numpy`.%PILLOW%

                ## Predicting

                ```
                %PREDICT_EXAMPLE%
                ```

                prints one line per input with the likeliest class and its probability, such as
                `%PREDICT_OUTPUT%`.

                ## Using the model in your own code

                ```python
                import torch
                import model

                net = model.load()                  # eval mode, trained weights loaded
                with torch.no_grad():
                    probabilities = net(x)          # x: a float tensor of shape (batch, %SHAPE%)
                best = probabilities.argmax(dim=1)  # positions in model.CLASSES
                ```

                %INPUT%

                `net(x)` returns the probabilities exactly as LayerLab computes them; `net.logits(x)` returns
                the last layer's raw outputs (what the loss reads). `python3 model.py` prints the network.

                ## Training further

                %SETTINGS%

                A training loop with the same loss and optimizer, on a GPU when there is one:

                ```python
                import numpy as np
                import torch
                from torch import nn
                from torch.utils.data import DataLoader, TensorDataset

                import model

                device = "cuda" if torch.cuda.is_available() else "cpu"
                net = model.load().to(device)

                # x_train: raw inputs as above, a float tensor (torch.tensor(predict.read_inputs(path)[1])
                # reads files as predict.py does); y_train: each one's class, its position in model.CLASSES,
                # as an int64 tensor.
                data = DataLoader(TensorDataset(x_train, y_train), batch_size=%BATCH%, shuffle=True)
                loss_fn = %LOSS_FN%
                optimizer = %OPTIMIZER%

                net.train()  # Dropout drops and BatchNorm learns its statistics while training
                for epoch in range(%EPOCHS%):
                    for x, y in data:
                        x, y = x.to(device), y.to(device)
                        optimizer.zero_grad()
                        loss = loss_fn(net.logits(x), %TARGET%)
                        loss.backward()
                        optimizer.step()
                    print(f"epoch {epoch + 1}: loss {loss.item():.4f}")
                net.eval()

                # Save the new weights in the same format, so that model.load() and predict.py use them.
                np.savez("weights.npz", **{k: v.cpu().numpy() for k, v in net.state_dict().items()})
                ```

                The loss reads `net.logits(x)`, not the probabilities: %LOSS_NOTE%%BATCH_NORM_NOTE%%TABLE_NOTE%

                ## What was checked

                LayerLab's tests export small networks (a table MLP; a CNN with convolution, batch
                normalisation, pooling and activations; an Embedding → LSTM → GRU text network), load them
                with `load()` in Debian's PyTorch 1.13 and NumPy, and compare the probabilities with
                LayerLab's own within 1e-4; they also run `predict.py` on an image, a CSV file and a text
                file, and the training loop above for a table network on made-up data, on the CPU (not on
                a GPU), after which `load()` reads the saved weights. Whether further training improves
                your model is for you to check, on data it has not seen.
                """.replace("%NAME%", name)
                .replace("%RUN%", source.runName())
                .replace("%CLASSES%", Integer.toString(classes))
                .replace("%CLASS_LIST%", classList(info))
                .replace("%PREDICT_WHAT%", predictWhat(info.preprocessing()))
                .replace("%PILLOW%", pillow(info.preprocessing()))
                .replace("%PREDICT_EXAMPLE%", predictExample(info.preprocessing()))
                .replace("%PREDICT_OUTPUT%", predictOutput(info))
                .replace("%SHAPE%", shape(info.inputShape()))
                .replace("%INPUT%", input(info.preprocessing(), info.inputShape()))
                .replace("%SETTINGS%", settings(source.config(), info.loss()))
                .replace("%BATCH%", Integer.toString(config(source).batchSize()))
                .replace("%EPOCHS%", Integer.toString(config(source).epochs()))
                .replace("%LOSS_FN%", lossFunction(info.loss()))
                .replace("%OPTIMIZER%", optimizer(config(source).optimizer()))
                .replace("%TARGET%", target(info.loss(), stack.outputs()))
                .replace("%LOSS_NOTE%", lossNote(info.loss(), stack.outputs()))
                .replace("%BATCH_NORM_NOTE%", batchNormNote(stack))
                .replace("%TABLE_NOTE%", tableNote(info.preprocessing()));
    }

    private static TrainingConfig config(ExportSource source) {
        return source.config() != null ? source.config() : TrainingConfig.DEFAULT;
    }

    static String classList(ModelInfo info) {
        return info.classNames().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
    }

    private static String predictWhat(Preprocessing prep) {
        if (prep instanceof Preprocessing.Image) {
            return "each image (PNG, JPEG, GIF or BMP) or each image in a folder";
        }
        if (prep instanceof Preprocessing.Text) {
            return "each line of a text file";
        }
        return "each row of a CSV or TSV file";
    }

    private static String pillow(Preprocessing prep) {
        return prep instanceof Preprocessing.Image
                ? " `predict.py` reads images with Pillow (`apt-get install python3-pil` or `pip install pillow`)."
                : "";
    }

    private static String predictExample(Preprocessing prep) {
        if (prep instanceof Preprocessing.Image) {
            return "python3 predict.py picture.png more-pictures/";
        }
        if (prep instanceof Preprocessing.Text) {
            return "python3 predict.py sentences.txt";
        }
        return "python3 predict.py rows.csv";
    }

    private static String predictOutput(ModelInfo info) {
        String first = info.classNames().isEmpty() ? "?" : info.classNames().get(0);
        if (info.preprocessing() instanceof Preprocessing.Image) {
            return "picture.png: " + first + " 97.3%";
        }
        if (info.preprocessing() instanceof Preprocessing.Text) {
            return "the first sentence: " + first + " 97.3%";
        }
        return "line 2: " + first + " 97.3%";
    }

    static String shape(int[] dims) {
        return String.join(
                ", ", java.util.Arrays.stream(dims).mapToObj(Integer::toString).toList());
    }

    /** What the raw input is, for the README of either export. */
    static String input(Preprocessing prep, int[] shape) {
        if (prep instanceof Preprocessing.Image image) {
            return "Each input is an image as (channels, height, width) = (" + shape(shape)
                    + ") pixel values 0 to 255, "
                    + (image.channels() == 1
                            ? "grey (0.299 R + 0.587 G + 0.114 B, rounded)"
                            : "red, green and blue planes")
                    + "; the model divides them by 255 itself, as LayerLab does.";
        }
        if (prep instanceof Preprocessing.Text text) {
            return "Each input is a sentence as " + text.sequenceLength() + " token ids: a word's id is its "
                    + "position in the vocabulary in `preprocessing.json` (1 for an unknown word); a sentence keeps "
                    + "its first " + text.sequenceLength() + " words and is padded with 0 in front. Words are "
                    + "lower-case runs of letters and digits (`predict.words()` splits them as LayerLab does).";
        }
        Preprocessing.Tabular table = (Preprocessing.Tabular) prep;
        String columns = table.columns().stream()
                .map(c -> "`" + c.name() + "`"
                        + (c.categorical() ? " (one-hot, " + c.levels().size() + " levels)" : ""))
                .collect(Collectors.joining(", "));
        return "Each input is one row of " + table.featureCount() + " numbers, the columns in training order: "
                + columns + ". Give numbers as they are in your table: the model standardises them with the "
                + "training data's mean and std itself. A category is one-hot: 1 at its level's position, 0 "
                + "elsewhere (`preprocessing.json` lists the positions and levels).";
    }

    /** The settings LayerLab trained with, or a note that the export does not know them. */
    static String settings(TrainingConfig config, LossKind loss) {
        if (config == null) {
            return "LayerLab trained this network with " + PyTorchStack.lossName(loss) + ". The run's optimizer "
                    + "settings did not come with this export, so the code below uses LayerLab's defaults: "
                    + describe(TrainingConfig.DEFAULT.optimizer()) + " in batches of "
                    + TrainingConfig.DEFAULT.batchSize() + ".";
        }
        return "LayerLab trained this network with " + PyTorchStack.lossName(loss) + " and "
                + describe(config.optimizer()) + ", in batches of " + config.batchSize() + " for " + config.epochs()
                + " epochs.";
    }

    private static String describe(OptimizerSettings o) {
        return switch (o.kind()) {
            case SGD -> "SGD at learning rate " + number(o.learningRate());
            case MOMENTUM ->
                "SGD with momentum " + number(o.momentum()) + " at learning rate " + number(o.learningRate());
            case ADAGRAD ->
                "AdaGrad at learning rate " + number(o.learningRate()) + " (epsilon " + number(o.epsilon()) + ")";
            case RMSPROP ->
                "RMSprop at learning rate " + number(o.learningRate()) + " (rho " + number(o.rho()) + ", epsilon "
                        + number(o.epsilon()) + ")";
            case ADAM ->
                "Adam at learning rate " + number(o.learningRate()) + " (betas " + number(o.beta1()) + " and "
                        + number(o.beta2()) + ", epsilon " + number(o.epsilon()) + ")";
        };
    }

    /** The torch.optim optimizer that updates weights as LayerLab's did. */
    static String optimizer(OptimizerSettings o) {
        String lr = "lr=" + number(o.learningRate());
        return switch (o.kind()) {
            case SGD -> "torch.optim.SGD(net.parameters(), " + lr + ")";
            case MOMENTUM -> "torch.optim.SGD(net.parameters(), " + lr + ", momentum=" + number(o.momentum()) + ")";
            case ADAGRAD -> "torch.optim.Adagrad(net.parameters(), " + lr + ", eps=" + number(o.epsilon()) + ")";
            case RMSPROP ->
                "torch.optim.RMSprop(net.parameters(), " + lr + ", alpha=" + number(o.rho()) + ", eps="
                        + number(o.epsilon()) + ")";
            case ADAM ->
                "torch.optim.Adam(net.parameters(), " + lr + ", betas=(" + number(o.beta1()) + ", " + number(o.beta2())
                        + "), eps=" + number(o.epsilon()) + ")";
        };
    }

    static String lossFunction(LossKind loss) {
        return switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> "nn.CrossEntropyLoss()";
            case BINARY_CROSS_ENTROPY -> "nn.BCEWithLogitsLoss()";
            case MEAN_SQUARED_ERROR -> "nn.MSELoss()";
        };
    }

    private static String target(LossKind loss, int outputs) {
        if (loss == LossKind.SOFTMAX_CROSS_ENTROPY) {
            return "y";
        }
        return outputs == 1 ? "y.float().unsqueeze(1)" : "nn.functional.one_hot(y, " + outputs + ").float()";
    }

    private static String lossNote(LossKind loss, int outputs) {
        return switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> "`nn.CrossEntropyLoss` applies the softmax itself, as LayerLab's loss does.";
            case BINARY_CROSS_ENTROPY ->
                "`nn.BCEWithLogitsLoss` applies the sigmoid itself, as LayerLab's loss " + "does, against "
                        + (outputs == 1 ? "the class (0 or 1)." : "one-hot targets.");
            case MEAN_SQUARED_ERROR ->
                "LayerLab's mean squared error compares the outputs with "
                        + (outputs == 1 ? "the class (0 or 1)." : "one-hot targets.");
        };
    }

    private static String batchNormNote(PyTorchStack stack) {
        return stack.layers().stream().anyMatch(l -> l instanceof org.layerlab.core.stack.BatchNorm)
                ? " Batch normalisation keeps PyTorch's default momentum 0.1, which is what LayerLab used (DJL"
                        + " calls it 0.9)."
                : "";
    }

    private static String tableNote(Preprocessing prep) {
        return prep instanceof Preprocessing.Tabular
                ? " The column means and stds are buffers, not parameters: training leaves them as they are."
                : "";
    }

    /** A number as Python and a student read it: 0.001, 1e-08. */
    static String number(double value) {
        if (value != 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e6)) {
            // Java's "1.0E-8" as Python writes it: 1e-08
            String text = Double.toString(value);
            int e = text.indexOf('E');
            String mantissa = text.substring(0, e);
            if (mantissa.endsWith(".0")) {
                mantissa = mantissa.substring(0, mantissa.length() - 2);
            }
            int exponent = Integer.parseInt(text.substring(e + 1));
            return String.format(Locale.ROOT, "%se%s%02d", mantissa, exponent < 0 ? "-" : "+", Math.abs(exponent));
        }
        String text = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }
}
