package org.layerlab.core.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * Works out each layer's output shape and parameter count the way PyTorch does, and explains every layer
 * that cannot work. Inference stops at the first layer whose input it cannot handle, since every shape
 * below it would be a guess; the settings of the remaining layers are still checked.
 */
public final class ShapeInference {

    private ShapeInference() {}

    public static StackSummary summarize(LayerStack stack) {
        List<String> stackProblems = new ArrayList<>();
        if (stack.input() == null) {
            stackProblems.add("The stack has no input shape; it is taken from the data when you train.");
        }
        if (stack.layers().isEmpty()) {
            stackProblems.add("The stack has no layers; add at least one Dense layer.");
        }
        List<LayerSummary> summaries = new ArrayList<>();
        TensorShape current = stack.input();
        long total = 0;
        for (int i = 0; i < stack.layers().size(); i++) {
            Layer layer = stack.layers().get(i);
            int number = i + 1;
            String label = "Layer " + number + " (" + layer.kind().displayName() + ")";
            List<String> settings = layer.settingProblems();
            if (!settings.isEmpty()) {
                summaries.add(new LayerSummary(
                        number, layer, current, null, 0, 0, label + ": " + String.join("; ", settings) + "."));
                current = null;
                continue;
            }
            if (current == null) {
                summaries.add(new LayerSummary(number, layer, null, null, 0, 0, null));
                continue;
            }
            LayerRule rule = new LayerRule(stack.layers(), i, current, label, stack.input());
            String problem = layer.accept(rule);
            if (problem != null) {
                summaries.add(new LayerSummary(number, layer, current, null, 0, 0, problem));
                current = null;
            } else {
                summaries.add(new LayerSummary(
                        number, layer, current, rule.output, rule.parameters, rule.multiplyAdds, null));
                total += rule.parameters;
                current = rule.output;
            }
        }
        return new StackSummary(stack.input(), summaries, total, stackProblems);
    }

    /** Computes one layer's output and parameters, or returns the reason it cannot work. */
    private static final class LayerRule implements LayerVisitor<String> {
        private final List<Layer> layers;
        private final int index;
        private final TensorShape in;
        private final String label;
        private final TensorShape stackInput;
        private TensorShape output;
        private long parameters;
        private long multiplyAdds;

        LayerRule(List<Layer> layers, int index, TensorShape in, String label, TensorShape stackInput) {
            this.layers = layers;
            this.index = index;
            this.in = in;
            this.label = label;
            this.stackInput = stackInput;
        }

        private String done(TensorShape out, long params) {
            return done(out, params, 0);
        }

        private String done(TensorShape out, long params, long work) {
            output = out;
            parameters = params;
            multiplyAdds = work;
            return null;
        }

        @Override
        public String visit(Dense layer) {
            if (in.rank() == 3) {
                return label + " needs a vector (features) or a sequence (steps, features) but receives " + in
                        + "; LayerLab does not flatten implicitly: add a Flatten layer just above layer "
                        + (index + 1) + ".";
            }
            long weights = (long) in.last() * layer.units() + (layer.bias() ? layer.units() : 0);
            long rows = in.size() / in.last();
            return done(in.withLast(layer.units()), weights, rows * in.last() * layer.units());
        }

        @Override
        public String visit(Conv2D layer) {
            String needsImage = needsImage();
            if (needsImage != null) {
                return needsImage;
            }
            int pad = layer.paddingPixels();
            int h = in.dim(1) + 2 * pad;
            int w = in.dim(2) + 2 * pad;
            if (layer.kernel() > h || layer.kernel() > w) {
                return label + " has a " + layer.kernel() + "×" + layer.kernel() + " kernel but its input is only "
                        + in.dim(1) + "×" + in.dim(2) + " (" + in + "); use a smaller kernel, padding 'same', "
                        + "or remove a pooling layer above it.";
            }
            int outH = (h - layer.kernel()) / layer.stride() + 1;
            int outW = (w - layer.kernel()) / layer.stride() + 1;
            long weights = (long) in.dim(0) * layer.kernel() * layer.kernel() * layer.filters() + layer.filters();
            long work = (long) outH * outW * layer.filters() * in.dim(0) * layer.kernel() * layer.kernel();
            return done(TensorShape.of(layer.filters(), outH, outW), weights, work);
        }

        @Override
        public String visit(MaxPool2D layer) {
            return pool(layer.size(), layer.stride());
        }

        @Override
        public String visit(AvgPool2D layer) {
            return pool(layer.size(), layer.stride());
        }

        private String pool(int size, int stride) {
            String needsImage = needsImage();
            if (needsImage != null) {
                return needsImage;
            }
            if (size > in.dim(1) || size > in.dim(2)) {
                return label + " has a " + size + "×" + size + " window but its input is only " + in.dim(1) + "×"
                        + in.dim(2) + " (" + in + "); remove this pooling layer or make the window smaller.";
            }
            return done(TensorShape.of(in.dim(0), (in.dim(1) - size) / stride + 1, (in.dim(2) - size) / stride + 1), 0);
        }

        private String needsImage() {
            if (in.rank() == 3) {
                return null;
            }
            String fix;
            int flatten = nearestAbove(LayerKind.FLATTEN);
            if (flatten >= 0) {
                fix = "remove the Flatten at layer " + (flatten + 1) + " or move it below layer " + (index + 1);
            } else if (stackInput.rank() != 3) {
                fix = "this layer works on images, but each sample of the data is " + stackInput
                        + "; use Dense layers instead";
            } else {
                fix = "move this layer above the layers that turned the image into " + in;
            }
            return label + " needs a 3-D input (channels, height, width) but receives " + in + "; " + fix + ".";
        }

        private int nearestAbove(LayerKind kind) {
            for (int i = index - 1; i >= 0; i--) {
                if (layers.get(i).kind() == kind) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public String visit(Flatten layer) {
            if (in.size() > Integer.MAX_VALUE) {
                return String.format(
                        java.util.Locale.ROOT,
                        "%s would output %,d values, more than one axis can hold (%,d); make the layers above it "
                                + "smaller or add a pooling layer.",
                        label,
                        in.size(),
                        Integer.MAX_VALUE);
            }
            return done(TensorShape.of((int) in.size()), 0);
        }

        @Override
        public String visit(Dropout layer) {
            return done(in, 0);
        }

        @Override
        public String visit(BatchNorm layer) {
            int features = in.rank() == 3 ? in.dim(0) : in.last();
            return done(in, 2L * features);
        }

        @Override
        public String visit(Activation layer) {
            return done(in, 0);
        }

        @Override
        public String visit(Embedding layer) {
            if (index != 0) {
                return label + " must be the first layer: it turns token ids into vectors; move it to the top.";
            }
            if (in.rank() != 1) {
                return label + " needs a sequence of token ids (steps) but receives " + in + "; use it with text data.";
            }
            return done(TensorShape.of(in.dim(0), layer.dimension()), (long) layer.vocabulary() * layer.dimension());
        }

        @Override
        public String visit(Lstm layer) {
            return recurrent(layer.units(), layer.returnSequences(), 4);
        }

        @Override
        public String visit(Gru layer) {
            return recurrent(layer.units(), layer.returnSequences(), 3);
        }

        /** PyTorch's LSTM has 4 gates and GRU 3, each with input and hidden weights and two biases. */
        private String recurrent(int units, boolean returnSequences, int gates) {
            if (in.rank() == 3) {
                return label + " needs a sequence (steps, features) but receives " + in + ", an image; "
                        + "use Conv2D layers for images, or start text models with an Embedding layer.";
            }
            if (in.rank() == 1) {
                return label + " needs a sequence (steps, features) but receives " + in + "; for text put an "
                        + "Embedding layer first, for plain features use Dense layers.";
            }
            long weights = (long) gates * ((long) in.last() * units + (long) units * units + 2L * units);
            TensorShape out = returnSequences ? TensorShape.of(in.dim(0), units) : TensorShape.of(units);
            long work = (long) in.dim(0) * gates * ((long) in.last() * units + (long) units * units);
            return done(out, weights, work);
        }
    }
}
