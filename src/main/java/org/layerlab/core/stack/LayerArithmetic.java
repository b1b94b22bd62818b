package org.layerlab.core.stack;

import java.util.Locale;

/**
 * Explains a layer's numbers in two sentences: why its output has the shape it has, and how its parameter
 * count adds up, e.g. "(32, 26, 26) because 28 − 3 + 1 = 26 with a 3×3 kernel and no padding" and "320
 * parameters = 32 × (1 × 3 × 3) + 32 biases". Every calculation written is the one {@link ShapeInference} does.
 */
public final class LayerArithmetic {

    private LayerArithmetic() {}

    /** The two sentences, one a line; empty when the layer's shape could not be worked out. */
    public static String explain(LayerSummary summary) {
        if (summary.input() == null || summary.output() == null) {
            return "";
        }
        Sentences sentences = summary.layer().accept(new Sentences(summary.input(), summary.output()));
        return sentences.shape + "\n" + sentences.parameters;
    }

    /** Fills in the two sentences for one layer, given what shape inference found. */
    private static final class Sentences implements LayerVisitor<Sentences> {
        private final TensorShape in;
        private final TensorShape out;
        private String shape;
        private String parameters;

        Sentences(TensorShape in, TensorShape out) {
            this.in = in;
            this.out = out;
        }

        private Sentences done(String shapeSentence, String parameterSentence) {
            shape = shapeSentence;
            parameters = parameterSentence;
            return this;
        }

        private Sentences unchanged(String why) {
            return done(out + ", the same shape as its input.", "No parameters: " + why + ".");
        }

        @Override
        public Sentences visit(Dense layer) {
            int units = layer.units();
            String shapeSentence = in.rank() == 1
                    ? out + " because the layer has " + units + " units, one output each."
                    : out + ": the same " + units + " units are applied to each of the " + in.dim(0) + " steps.";
            long weights = (long) in.last() * units;
            String parameterSentence = layer.bias()
                    ? number(weights + units) + " parameters = " + number(in.last()) + " × " + number(units)
                            + " weights + " + number(units) + " biases."
                    : number(weights) + " parameters = " + number(in.last()) + " × " + number(units)
                            + " weights (no biases).";
            return done(shapeSentence, parameterSentence);
        }

        @Override
        public Sentences visit(Conv2D layer) {
            int k = layer.kernel();
            int pad = layer.paddingPixels();
            String how = " with a " + k + "×" + k + " kernel"
                    + (layer.stride() == 1 ? "" : ", stride " + layer.stride())
                    + (pad == 0 ? " and no padding" : " and padding " + pad + " on each side") + ".";
            String sizes = sizes(
                    convolvedSide(in.dim(1), pad, k, layer.stride(), out.dim(1)),
                    convolvedSide(in.dim(2), pad, k, layer.stride(), out.dim(2)));
            int channels = in.dim(0);
            long params = (long) layer.filters() * channels * k * k + layer.filters();
            return done(
                    out + " because " + sizes + how + " Each of the " + layer.filters() + " filters makes one channel.",
                    number(params) + " parameters = " + layer.filters() + " × (" + channels + " × " + k + " × " + k
                            + ") + " + layer.filters() + " biases: each filter has a weight per input channel and "
                            + "pixel of its kernel.");
        }

        /** The output size of one side: ⌊(size + 2·pad − k) / stride⌋ + 1, written as simply as it can be. */
        private static String convolvedSide(int size, int pad, int k, int stride, int result) {
            String padded = pad == 0 ? Integer.toString(size) : size + " + 2 × " + pad;
            if (stride == 1) {
                return padded + " − " + k + " + 1 = " + result;
            }
            return "⌊(" + padded + " − " + k + ") / " + stride + "⌋ + 1 = " + result;
        }

        @Override
        public Sentences visit(MaxPool2D layer) {
            return pool(layer.size(), layer.stride(), "it only picks the largest value of each window");
        }

        @Override
        public Sentences visit(AvgPool2D layer) {
            return pool(layer.size(), layer.stride(), "it only averages each window");
        }

        private Sentences pool(int size, int stride, String why) {
            String sizes = sizes(
                    pooledSide(in.dim(1), size, stride, out.dim(1)), pooledSide(in.dim(2), size, stride, out.dim(2)));
            return done(
                    out + " because " + sizes + " with a " + size + "×" + size + " window moved " + stride
                            + " at a time; the " + in.dim(0) + " channels stay.",
                    "No parameters: " + why + ".");
        }

        /** Window equal to stride: ⌊size / stride⌋; otherwise the general ⌊(size − window) / stride⌋ + 1. */
        private static String pooledSide(int side, int size, int stride, int result) {
            if (size == stride) {
                return side % stride == 0
                        ? side + " / " + stride + " = " + result
                        : "⌊" + side + " / " + stride + "⌋ = " + result;
            }
            return "⌊(" + side + " − " + size + ") / " + stride + "⌋ + 1 = " + result;
        }

        /** Height and width: one calculation when both sides are the same, both otherwise. */
        private static String sizes(String height, String width) {
            return height.equals(width) ? height : height + " (height) and " + width + " (width)";
        }

        @Override
        public Sentences visit(Flatten layer) {
            StringBuilder product = new StringBuilder();
            for (int i = 0; i < in.rank(); i++) {
                product.append(i == 0 ? "" : " × ").append(number(in.dim(i)));
            }
            String sum = in.rank() == 1 ? "" : " because " + product + " = " + number(out.dim(0));
            return done(
                    out + sum + ": all " + number(in.size()) + " values of " + in + " in one row.",
                    "No parameters: it only changes the shape.");
        }

        @Override
        public Sentences visit(Dropout layer) {
            return unchanged("it only sets values to 0 while training");
        }

        @Override
        public Sentences visit(BatchNorm layer) {
            int features = in.rank() == 3 ? in.dim(0) : in.last();
            String what = in.rank() == 3 ? "channels" : "features";
            return done(
                    out + ", the same shape as its input.",
                    number(2L * features) + " parameters = 2 × " + number(features) + ": a scale γ and a shift β "
                            + "for each of the " + number(features) + " " + what + ".");
        }

        @Override
        public Sentences visit(Activation layer) {
            return unchanged("it applies the same function to every value");
        }

        @Override
        public Sentences visit(Embedding layer) {
            return done(
                    out + " because each of the " + in.dim(0) + " token ids becomes a vector of " + layer.dimension()
                            + ".",
                    number((long) layer.vocabulary() * layer.dimension()) + " parameters = "
                            + number(layer.vocabulary()) + " × " + number(layer.dimension())
                            + ": one vector per word of the vocabulary.");
        }

        @Override
        public Sentences visit(Lstm layer) {
            return recurrent(layer.units(), layer.returnSequences(), 4, "4 blocks (gates i, f, o and the candidate g)");
        }

        @Override
        public Sentences visit(Gru layer) {
            return recurrent(layer.units(), layer.returnSequences(), 3, "3 blocks (gates r, z and the candidate n)");
        }

        /** As PyTorch counts them: per gate, input weights, memory weights and two biases. */
        private Sentences recurrent(int units, boolean sequences, int gates, String blocks) {
            String shapeSentence = sequences
                    ? out + ": the " + units + " memory values after each of the " + in.dim(0) + " steps."
                    : out + ": the " + units + " memory values after the last step (return_sequences is off).";
            long params = (long) gates * ((long) in.last() * units + (long) units * units + 2L * units);
            return done(
                    shapeSentence,
                    number(params) + " parameters = " + gates + " × (" + number(in.last()) + " × " + number(units)
                            + " + " + number(units) + " × " + number(units) + " + 2 × " + number(units) + "): "
                            + blocks + ", each with weights for the input and for the memory, and two biases.");
        }
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
