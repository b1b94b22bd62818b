package org.layerlab.core.lesson;

import java.util.List;
import org.layerlab.core.stack.Activation;
import org.layerlab.core.stack.Dense;
import org.layerlab.core.stack.Dropout;
import org.layerlab.core.stack.Template;
import org.layerlab.core.training.EarlyStopping;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainingConfig;

/**
 * The bundled lessons. Their sizes keep every run under about a minute on two cores: the MNIST runs train
 * one epoch; the others use the 8×8 digits (1,797 rows), where 20 epochs take a few seconds (the learning
 * rates and the race were chosen from `train` runs on this data: SGD at 10 diverges in its first epoch).
 */
public final class Lessons {
    private static final long SEED = 42;
    private static final double VALIDATION = 0.1;

    public static final Lesson MLP_VERSUS_CNN = new Lesson(
            "mlp-vs-cnn",
            "MLP or CNN?",
            "The same digits, a Dense network against a convolutional one",
            "Two networks learn MNIST's handwritten digits for one epoch each: first an MLP (Flatten, Dense), then "
                    + "a CNN (two convolutions with pooling). Watch the dashed validation curves: which reaches the "
                    + "higher accuracy? Then compare their parameters in step 2, Network.",
            "mnist",
            List.of(
                    new LessonRun("MLP", Template.MNIST_MLP::stackFor, adam(1, 128)),
                    new LessonRun("CNN", Template.MNIST_CNN::stackFor, adam(1, 128))),
            Debriefs::mlpVersusCnn);

    public static final Lesson LEARNING_RATE = new Lesson(
            "learning-rate",
            "The learning rate",
            "Too small, about right, too big: three runs of plain SGD",
            "The same MLP learns the 8×8 digits three times with plain SGD, changing only the learning rate: "
                    + "0.001, 0.1 and 10. Watch the loss: the small step creeps down, the right one drops fast, and "
                    + "the big one overshoots until the numbers blow up, and LayerLab stops that run.",
            "digits",
            List.of(
                    new LessonRun("lr 0.001", Template.MNIST_MLP::stackFor, sgd(0.001)),
                    new LessonRun("lr 0.1", Template.MNIST_MLP::stackFor, sgd(0.1)),
                    new LessonRun("lr 10", Template.MNIST_MLP::stackFor, sgd(10))),
            Debriefs::learningRates);

    public static final Lesson OPTIMIZER_RACE = new Lesson(
            "optimizers",
            "The optimizer race",
            "SGD, momentum, AdaGrad, RMSprop and Adam on the same network",
            "One MLP, five optimizers, each with its usual learning rate, 20 epochs each on the 8×8 digits. "
                    + "Their curves are drawn on top of each other: the colour of each run is in the runs list. "
                    + "Watch which loss falls fastest in the first epochs, and which ends lowest.",
            "digits",
            List.of(
                    race(OptimizerKind.SGD),
                    race(OptimizerKind.MOMENTUM),
                    race(OptimizerKind.ADAGRAD),
                    race(OptimizerKind.RMSPROP),
                    race(OptimizerKind.ADAM)),
            Debriefs::optimizerRace);

    public static final Lesson OVERFITTING = new Lesson(
            "overfitting",
            "Overfitting",
            "A big network on few samples, then Dropout and early stopping",
            "A big MLP (two Dense layers of 512) learns from only 180 digits: the other rows are kept for "
                    + "validation (validation share 0.7). Watch the training accuracy reach 100 % while the dashed "
                    + "validation curve stays behind. The second run adds Dropout and stops when the validation "
                    + "loss no longer improves (patience 5), keeping its best epoch.",
            "digits",
            List.of(
                    new LessonRun(
                            "big MLP",
                            StackRecipe.layers(new Dense(512), Activation.RELU, new Dense(512), Activation.RELU),
                            fewSamples(EarlyStopping.OFF)),
                    new LessonRun(
                            "with Dropout and early stopping",
                            StackRecipe.layers(
                                    new Dense(512),
                                    Activation.RELU,
                                    new Dropout(0.5),
                                    new Dense(512),
                                    Activation.RELU,
                                    new Dropout(0.5)),
                            fewSamples(new EarlyStopping(5, true)))),
            Debriefs::overfitting);

    public static final Lesson TEXT = new Lesson(
            "text",
            "Text with an LSTM",
            "Movie reviews, positive or negative, read word by word",
            "Each review becomes a sequence of word numbers; an Embedding turns each word into 32 numbers and an "
                    + "LSTM reads them in order, six epochs long. Watch the validation loss: when does "
                    + "it stop falling while the training loss goes on?",
            "sentiment",
            List.of(new LessonRun(
                    "Embedding + LSTM",
                    Template.LSTM_SENTIMENT::stackFor,
                    config(OptimizerSettings.defaults(OptimizerKind.ADAM).withLearningRate(0.002), 6, 64))),
            Debriefs::text);

    public static final List<Lesson> ALL = List.of(MLP_VERSUS_CNN, LEARNING_RATE, OPTIMIZER_RACE, OVERFITTING, TEXT);

    private Lessons() {}

    private static TrainingConfig adam(int epochs, int batchSize) {
        return config(OptimizerSettings.defaults(OptimizerKind.ADAM), epochs, batchSize);
    }

    private static TrainingConfig sgd(double learningRate) {
        return config(OptimizerSettings.defaults(OptimizerKind.SGD).withLearningRate(learningRate), 20, 32);
    }

    private static LessonRun race(OptimizerKind kind) {
        return new LessonRun(
                kind.displayName(), Template.MNIST_MLP::stackFor, config(OptimizerSettings.defaults(kind), 20, 32));
    }

    /** 60 epochs of 180 training rows: with the test's 20 %, a validation share of 0.7 leaves 10 % to train on. */
    private static TrainingConfig fewSamples(EarlyStopping stopping) {
        return new TrainingConfig(
                OptimizerSettings.defaults(OptimizerKind.ADAM),
                LossKind.SOFTMAX_CROSS_ENTROPY,
                60,
                16,
                0.7,
                SEED,
                stopping);
    }

    private static TrainingConfig config(OptimizerSettings optimizer, int epochs, int batchSize) {
        return new TrainingConfig(
                optimizer, LossKind.SOFTMAX_CROSS_ENTROPY, epochs, batchSize, VALIDATION, SEED, EarlyStopping.OFF);
    }
}
