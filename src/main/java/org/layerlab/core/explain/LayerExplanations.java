package org.layerlab.core.explain;

import static org.layerlab.core.explain.Explanation.setting;

import java.util.List;
import org.layerlab.core.stack.LayerKind;

/** What each layer kind does, written for a first-year student; the formulas are what the engine computes. */
final class LayerExplanations {

    private LayerExplanations() {}

    static Explanation of(LayerKind kind) {
        return switch (kind) {
            case DENSE ->
                new Explanation(
                        "Dense",
                        "Every output is a weighted sum of all the inputs plus a bias. The weights W and the biases b "
                                + "are what training learns. A stack of Dense layers with activations between them is "
                                + "a multilayer perceptron (MLP).",
                        "y = Wx + b, \\qquad y_j = \\sum_{i} W_{ji}\\, x_i + b_j",
                        List.of(
                                setting(
                                        "units",
                                        "How many outputs (neurons). More units can learn more patterns but add "
                                                + "inputs × units weights."),
                                setting(
                                        "bias",
                                        "Off leaves out b; a BatchNorm right after the layer makes b unneeded.")),
                        "64 to 512 units in a hidden layer; the last Dense layer has one unit per class.");
            case CONV2D ->
                new Explanation(
                        "Conv2D",
                        "Slides small learned filters over the image. Each filter multiplies the pixels under it by "
                                + "its weights and adds them up, so it finds one local pattern (an edge, a stroke, a "
                                + "corner) wherever it appears. Each filter makes one output channel, a feature map.",
                        "\\begin{array}{l} y_{f,i,j} = b_f + \\sum_{c} \\sum_{u=0}^{k-1} \\sum_{v=0}^{k-1} "
                                + "w_{f,c,u,v}\\, x_{c,\\, si+u,\\, sj+v} \\\\ "
                                + "H_{\\mathrm{out}} = \\left\\lfloor \\frac{H + 2p - k}{s} \\right\\rfloor + 1 "
                                + "\\end{array}",
                        List.of(
                                setting("filters", "How many patterns to learn: the number of output channels."),
                                setting("kernel", "The filter's width and height k; 3 sees a 3×3 patch of pixels."),
                                setting("stride", "How far the filter moves each step (s); 2 halves height and width."),
                                setting(
                                        "padding",
                                        "valid adds no border (p = 0), so the map shrinks by k − 1; same adds "
                                                + "p = (k − 1)/2 zeros around it, so stride 1 keeps the size.")),
                        "32 or 64 filters of 3×3 with stride 1; double the filters after each pooling layer.");
            case MAX_POOL2D ->
                new Explanation(
                        "MaxPool2D",
                        "Looks at each window of every channel and keeps only its largest value. The maps get "
                                + "smaller (a 2×2 window halves height and width) while the strongest responses of "
                                + "the filters survive. Nothing is learned.",
                        "\\begin{array}{l} y_{c,i,j} = \\max_{0 \\le u,\\,v < k}\\; x_{c,\\, si+u,\\, sj+v} \\\\ "
                                + "H_{\\mathrm{out}} = \\left\\lfloor \\frac{H - k}{s} \\right\\rfloor + 1 "
                                + "\\end{array}",
                        poolingSettings(),
                        "A 2×2 window with stride 2, after one or two Conv2D layers.");
            case AVG_POOL2D ->
                new Explanation(
                        "AvgPool2D",
                        "Replaces each window of every channel by the average of its values. Like max pooling it "
                                + "makes the maps smaller, but smoother: every value in the window counts. Nothing is "
                                + "learned.",
                        "\\begin{array}{l} y_{c,i,j} = \\frac{1}{k^2} \\sum_{u=0}^{k-1} \\sum_{v=0}^{k-1} "
                                + "x_{c,\\, si+u,\\, sj+v} \\\\ "
                                + "H_{\\mathrm{out}} = \\left\\lfloor \\frac{H - k}{s} \\right\\rfloor + 1 "
                                + "\\end{array}",
                        poolingSettings(),
                        "A 2×2 window with stride 2; max pooling is the more common choice.");
            case FLATTEN ->
                new Explanation(
                        "Flatten",
                        "Lays the channels, rows and columns of an image out one after the other as a single long "
                                + "vector, so that Dense layers can read it. No value changes and nothing is learned; "
                                + "only the shape does.",
                        "(C, H, W) \\rightarrow (C \\cdot H \\cdot W), \\qquad y_{(cH + i)W + j} = x_{c,i,j}",
                        List.of(),
                        "Once, between the last convolution or pooling layer and the first Dense layer.");
            case DROPOUT ->
                new Explanation(
                        "Dropout",
                        "While training, it sets each value to 0 with probability p and scales the others up by "
                                + "1/(1 − p), so the network cannot lean on any single neuron. This fights "
                                + "overfitting. When testing or predicting nothing is dropped.",
                        "y_i = \\frac{m_i\\, x_i}{1 - p}, \\qquad m_i \\sim \\mathrm{Bernoulli}(1 - p)",
                        List.of(
                                setting(
                                        "rate",
                                        "The share p of values set to 0. Higher fights overfitting harder but slows learning.")),
                        "0.2 to 0.5, after a large Dense layer.");
            case BATCH_NORM ->
                new Explanation(
                        "BatchNorm",
                        "Shifts and scales each channel (or feature) to mean 0 and variance 1 over the batch, then "
                                + "multiplies by a learned γ and adds a learned β. Values stay in a good range, so "
                                + "deeper networks train faster. When predicting it uses the averages of μ and σ² "
                                + "it collected while training.",
                        "y = \\gamma\\, \\frac{x - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}} + \\beta, "
                                + "\\qquad \\epsilon = 10^{-5}",
                        List.of(),
                        "After a Conv2D or Dense layer, before its activation.");
            case ACTIVATION ->
                new Explanation(
                        "Activation",
                        "Applies the same non-linear function f to every value; the shape does not change. Without "
                                + "such functions a stack of Dense layers could only ever compute what one Dense "
                                + "layer can.",
                        "y_i = f(x_i)",
                        List.of(setting(
                                "function",
                                "ReLU, LeakyReLU, Sigmoid, Tanh or Softmax; select the layer in the stack to read "
                                        + "about its function.")),
                        "ReLU after every hidden Dense or Conv2D layer.");
            case EMBEDDING ->
                new Explanation(
                        "Embedding",
                        "The first layer of a text model. Each word arrives as a token id, a whole number, and the "
                                + "layer looks up a learned vector for it in a table E. Words used in similar ways "
                                + "end up with similar vectors.",
                        "y_t = E_{x_t}, \\qquad E \\in \\mathbb{R}^{V \\times d}",
                        List.of(
                                setting("vocabulary", "V, how many different token ids (words) the table holds."),
                                setting("dimension", "d, the length of each word's vector; longer can mean more.")),
                        "A dimension of 32 to 128; the vocabulary is the number of words kept, e.g. 10,000.");
            case LSTM ->
                new Explanation(
                        "LSTM",
                        "Reads a sequence one step at a time and keeps a memory cell c. Gates, each a number between "
                                + "0 and 1, decide what to forget (f), what to write (i, g) and what to show (o), which "
                                + "lets it remember a word from many steps ago.",
                        "\\begin{array}{l} i = \\sigma(W_i x_t + U_i h_{t-1} + b_i), \\quad "
                                + "f = \\sigma(W_f x_t + U_f h_{t-1} + b_f) \\\\ "
                                + "g = \\tanh(W_g x_t + U_g h_{t-1} + b_g), \\quad "
                                + "o = \\sigma(W_o x_t + U_o h_{t-1} + b_o) \\\\ "
                                + "c_t = f \\odot c_{t-1} + i \\odot g, \\qquad h_t = o \\odot \\tanh(c_t) "
                                + "\\end{array}",
                        recurrentSettings(),
                        "64 or 128 units; return_sequences only when another LSTM or GRU follows.");
            case GRU ->
                new Explanation(
                        "GRU",
                        "Reads a sequence one step at a time, like the LSTM, but with a simpler memory: only the "
                                + "hidden state h and two gates, reset (r) and update (z). It has a quarter fewer "
                                + "weights than an LSTM of the same size and often learns as well.",
                        "\\begin{array}{l} r = \\sigma(W_r x_t + U_r h_{t-1} + b_r), \\quad "
                                + "z = \\sigma(W_z x_t + U_z h_{t-1} + b_z) \\\\ "
                                + "n = \\tanh(W_n x_t + b_{in} + r \\odot (U_n h_{t-1} + b_{hn})) \\\\ "
                                + "h_t = (1 - z) \\odot n + z \\odot h_{t-1} \\end{array}",
                        recurrentSettings(),
                        "64 or 128 units; return_sequences only when another LSTM or GRU follows.");
        };
    }

    private static List<Explanation.Setting> poolingSettings() {
        return List.of(
                setting("size", "The window's width and height k."),
                setting("stride", "How far the window moves each step (s); usually the same as the size."));
    }

    private static List<Explanation.Setting> recurrentSettings() {
        return List.of(
                setting("units", "The size of the memory h; more units remember more but cost more weights."),
                setting(
                        "return_sequences",
                        "On: output h for every step (needed by a following LSTM or GRU). Off: only the last "
                                + "step's h, which a Dense layer can classify."));
    }
}
