package org.layerlab.export;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.AvgPool2D;
import org.layerlab.core.stack.BatchNorm;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Dropout;
import org.layerlab.core.stack.Embedding;
import org.layerlab.core.stack.Flatten;
import org.layerlab.core.stack.Gru;
import org.layerlab.core.stack.LayerVisitor;
import org.layerlab.core.stack.Lstm;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.stack.TensorShape;

/**
 * Each LayerLab layer as one {@code torch.nn} module, written as the Python expression that builds it
 * ({@code nn.Conv2d(1, 8, kernel_size=3, stride=1, padding=1)}). Layers torch.nn has no exact module for
 * use a small class defined in model.py ({@link #HELPERS}); {@link #helpers()} says which ones a model needs.
 */
final class PyTorchModules implements LayerVisitor<String> {

    /** The classes model.py defines when a layer needs them, by name. */
    static final java.util.Map<String, String> HELPERS =
            java.util.Map.of("LSTM", """
            class LSTM(nn.LSTM):
                \"""A batch-first nn.LSTM that returns its outputs only.

                nn.LSTM returns (outputs, (h, c)); like LayerLab's LSTM layer, this
                keeps the outputs of every step, or only the last step's when
                return_sequences is False.
                \"""

                def __init__(self, input_size, hidden_size, return_sequences):
                    super().__init__(input_size, hidden_size, batch_first=True)
                    self.return_sequences = return_sequences

                def forward(self, x):
                    outputs, _ = super().forward(x)
                    if self.return_sequences:
                        return outputs
                    return outputs[:, -1, :]
            """, "GRU", """
            class GRU(nn.GRU):
                \"""A batch-first nn.GRU that returns its outputs only.

                nn.GRU returns (outputs, h); like LayerLab's GRU layer, this keeps
                the outputs of every step, or only the last step's when
                return_sequences is False.
                \"""

                def __init__(self, input_size, hidden_size, return_sequences):
                    super().__init__(input_size, hidden_size, batch_first=True)
                    self.return_sequences = return_sequences

                def forward(self, x):
                    outputs, _ = super().forward(x)
                    if self.return_sequences:
                        return outputs
                    return outputs[:, -1, :]
            """, "SequenceBatchNorm", """
            class SequenceBatchNorm(nn.BatchNorm1d):
                \"""Batch normalisation of each feature of (batch, steps, features).

                nn.BatchNorm1d wants the features on axis 1, so the sequence is
                transposed before and after.
                \"""

                def forward(self, x):
                    return super().forward(x.transpose(1, 2)).transpose(1, 2)
            """);

    private final PyTorchStack stack;
    private final Set<String> helpers = new TreeSet<>();
    private TensorShape input;

    PyTorchModules(PyTorchStack stack) {
        this.stack = stack;
    }

    /** The module of layer {@code index}, after checking that the model has the parameters it needs. */
    String module(int index) throws ExportException {
        input = stack.input(index);
        stack.requireWeights(index, parameters(index));
        return stack.layers().get(index).accept(this);
    }

    /** The names of the trained parameters layer {@code index} has in its state_dict (from the model). */
    List<String> parameters(int index) {
        return parameters(stack, index);
    }

    static List<String> parameters(PyTorchStack stack, int index) {
        return stack.layers().get(index).accept(new ParameterNames());
    }

    /** The helper classes the modules written so far need, in name order. */
    Set<String> helpers() {
        return helpers;
    }

    @Override
    public String visit(Dense layer) {
        return "nn.Linear(" + input.last() + ", " + layer.units() + (layer.bias() ? "" : ", bias=False") + ")";
    }

    @Override
    public String visit(Conv2D layer) {
        return String.format(
                Locale.ROOT,
                "nn.Conv2d(%d, %d, kernel_size=%d, stride=%d, padding=%d)",
                input.dim(0),
                layer.filters(),
                layer.kernel(),
                layer.stride(),
                layer.paddingPixels());
    }

    @Override
    public String visit(MaxPool2D layer) {
        return "nn.MaxPool2d(kernel_size=" + layer.size() + ", stride=" + layer.stride() + ")";
    }

    @Override
    public String visit(AvgPool2D layer) {
        return "nn.AvgPool2d(kernel_size=" + layer.size() + ", stride=" + layer.stride() + ")";
    }

    @Override
    public String visit(Flatten layer) {
        return "nn.Flatten()";
    }

    @Override
    public String visit(Dropout layer) {
        return "nn.Dropout(" + PyTorchStack.number(layer.rate()) + ")";
    }

    /** Images normalise each channel, vectors each feature, sequences each feature of every step. */
    @Override
    public String visit(BatchNorm layer) {
        return switch (input.rank()) {
            case 3 -> "nn.BatchNorm2d(" + input.dim(0) + ", eps=1e-05)";
            case 2 -> {
                helpers.add("SequenceBatchNorm");
                yield "SequenceBatchNorm(" + input.last() + ", eps=1e-05)";
            }
            default -> "nn.BatchNorm1d(" + input.last() + ", eps=1e-05)";
        };
    }

    @Override
    public String visit(Activation layer) {
        return switch (layer.function()) {
            case RELU -> "nn.ReLU()";
            case LEAKY_RELU -> "nn.LeakyReLU(0.01)";
            case SIGMOID -> "nn.Sigmoid()";
            case TANH -> "nn.Tanh()";
            case SOFTMAX -> "nn.Softmax(dim=-1)";
        };
    }

    @Override
    public String visit(Embedding layer) {
        return "nn.Embedding(" + layer.vocabulary() + ", " + layer.dimension() + ")";
    }

    @Override
    public String visit(Lstm layer) {
        helpers.add("LSTM");
        return "LSTM(" + input.last() + ", " + layer.units() + ", return_sequences=" + python(layer.returnSequences())
                + ")";
    }

    @Override
    public String visit(Gru layer) {
        helpers.add("GRU");
        return "GRU(" + input.last() + ", " + layer.units() + ", return_sequences=" + python(layer.returnSequences())
                + ")";
    }

    private static String python(boolean value) {
        return value ? "True" : "False";
    }

    /** The trained parameters each layer kind has, under PyTorch's names. */
    private static final class ParameterNames implements LayerVisitor<List<String>> {
        private static final List<String> RECURRENT =
                List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0");

        @Override
        public List<String> visit(Dense layer) {
            return layer.bias() ? List.of("weight", "bias") : List.of("weight");
        }

        @Override
        public List<String> visit(Conv2D layer) {
            return List.of("weight", "bias");
        }

        @Override
        public List<String> visit(MaxPool2D layer) {
            return List.of();
        }

        @Override
        public List<String> visit(AvgPool2D layer) {
            return List.of();
        }

        @Override
        public List<String> visit(Flatten layer) {
            return List.of();
        }

        @Override
        public List<String> visit(Dropout layer) {
            return List.of();
        }

        @Override
        public List<String> visit(BatchNorm layer) {
            return List.of("weight", "bias", "running_mean", "running_var");
        }

        @Override
        public List<String> visit(Activation layer) {
            return List.of();
        }

        @Override
        public List<String> visit(Embedding layer) {
            return List.of("weight");
        }

        @Override
        public List<String> visit(Lstm layer) {
            return RECURRENT;
        }

        @Override
        public List<String> visit(Gru layer) {
            return RECURRENT;
        }
    }
}
