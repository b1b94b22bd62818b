package org.layerlab.core.explain;

import static org.layerlab.core.explain.Explanation.setting;

import java.util.List;

/** The training settings besides the optimizer and the loss. */
final class TrainingTopics {

    private TrainingTopics() {}

    static Explanation of(TrainingTopic topic) {
        return switch (topic) {
            case LEARNING_RATE ->
                new Explanation(
                        "Learning rate",
                        "How big a step the optimizer takes after each batch. Too large and the loss jumps around "
                                + "or grows until training diverges (LayerLab then stops the run and says so); too "
                                + "small and the loss falls very slowly.",
                        "w \\leftarrow w - \\eta\\, \\nabla L",
                        List.of(),
                        "0.01 for SGD, momentum and AdaGrad; 0.001 for RMSprop and Adam. Try ten times smaller "
                                + "or larger to see the difference.");
            case BATCH_SIZE ->
                new Explanation(
                        "Batch size",
                        "How many training samples are looked at before each step. The gradient is their average, "
                                + "so larger batches give steadier but fewer steps per epoch; smaller ones give "
                                + "noisier, more frequent steps.",
                        "\\nabla L \\approx \\frac{1}{B} \\sum_{i=1}^{B} \\nabla \\ell_i",
                        List.of(),
                        "32 to 128; a tenth of the rows for small tables.");
            case EPOCHS ->
                new Explanation(
                        "Epochs",
                        "How many times training goes through all the training samples. More epochs lower the "
                                + "training loss, but once the validation loss starts to rise the network is "
                                + "learning the training samples by heart (overfitting).",
                        "\\mathrm{steps} = \\mathrm{epochs} \\times \\left\\lceil \\frac{N_{\\mathrm{train}}}{B} "
                                + "\\right\\rceil",
                        List.of(),
                        "5 for MNIST; about 100 for Iris, whose epochs are only a few batches.");
            case VALIDATION_SHARE ->
                new Explanation(
                        "Validation share",
                        "The share of the training rows kept aside and never trained on. After each epoch the "
                                + "network is measured on them: the dashed curves. When they get worse while the "
                                + "training curves still improve, the network overfits.",
                        "N_{\\mathrm{val}} = \\mathrm{share} \\times N",
                        List.of(),
                        "0.1 to 0.2.");
            case SEED ->
                new Explanation(
                        "Seed",
                        "The starting number of the random choices: the first weights, the order of the samples, "
                                + "dropout. The same seed and settings give the same run again; another seed shows "
                                + "how much a result depends on luck.",
                        "",
                        List.of(),
                        "Any whole number; 42 is the default.");
            case EARLY_STOPPING ->
                new Explanation(
                        "Early stopping",
                        "Stops training when the validation loss has not improved for a number of epochs (the "
                                + "patience), so the network does not go on overfitting. Keeping the best epoch's "
                                + "weights ends with the network as it was at its best validation loss.",
                        "\\mathrm{stop\\ after\\ epoch}\\ e \\;\\; \\mathrm{if}\\;\\; e - e^{*} \\ge P, "
                                + "\\qquad e^{*} = \\arg\\min_{e' \\le e} L_{\\mathrm{val}}(e')",
                        List.of(
                                setting("patience", "P, how many epochs without improvement to wait; 0 never stops."),
                                setting("keep best", "End with the best epoch's weights instead of the last one's.")),
                        "A patience of 3 to 10 with keep best on.");
        };
    }
}
