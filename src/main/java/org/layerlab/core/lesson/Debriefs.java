package org.layerlab.core.lesson;

import static org.layerlab.core.lesson.Figures.accuracy;
import static org.layerlab.core.lesson.Figures.count;
import static org.layerlab.core.lesson.Figures.loss;
import static org.layerlab.core.lesson.Figures.percent;
import static org.layerlab.core.lesson.Figures.points;
import static org.layerlab.core.lesson.Figures.ratio;
import static org.layerlab.core.lesson.Figures.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.layerlab.core.training.TrainingEvent.EpochEnded;
import org.layerlab.core.training.TrainingOutcome;

/** The "what happened" rules of the bundled lessons; each reads its runs in the lesson's order. */
final class Debriefs {
    private Debriefs() {}

    /** Runs: the MLP, then the CNN. */
    static String mlpVersusCnn(List<RunFigures> runs) {
        RunFigures mlp = runs.get(0);
        RunFigures cnn = runs.get(1);
        String sizes = cnn.parameters() <= mlp.parameters()
                ? ratio((double) mlp.parameters() / cnn.parameters()) + " fewer parameters"
                : ratio((double) cnn.parameters() / mlp.parameters()) + " the parameters";
        String figures = "The CNN reached " + accuracy(cnn) + " on the test data, the MLP " + accuracy(mlp) + ", with "
                + sizes + " (" + count(cnn.parameters()) + " against " + count(mlp.parameters()) + "). ";
        boolean cnnBetter = cnn.testAccuracy() > mlp.testAccuracy();
        return figures
                + (cnnBetter
                        ? "Its filters look at small patches wherever they are in the picture, so a stroke is "
                                + "recognised anywhere; the MLP's Dense layer sees every pixel on its own."
                        : "This time the MLP did as well: train both for more epochs and compare again.");
    }

    /** Runs: a learning rate too small, one that suits, one too big (their roles name the rates). */
    static String learningRates(List<RunFigures> runs) {
        List<String> sentences = new ArrayList<>();
        for (RunFigures run : runs) {
            sentences.add(learningRate(run));
        }
        runs.stream()
                .filter(r -> !r.diverged())
                .max(Comparator.comparingDouble(RunFigures::testAccuracy))
                .ifPresent(best -> sentences.add("Best: " + best.role() + ", " + test(best)
                        + ". Too small a step learns slowly; too big a step overshoots the minimum."));
        return String.join(" ", sentences);
    }

    private static String learningRate(RunFigures run) {
        if (run.diverged()) {
            return "With " + run.role() + " the loss blew up to NaN in epoch " + (run.epochsDone() + 1)
                    + " and LayerLab stopped the run: the steps were so big that the weights overshot.";
        }
        if (run.epochsDone() == 0) {
            return "With " + run.role() + " no epoch finished.";
        }
        return "With " + run.role() + " the training loss went from "
                + loss(run.epochs().get(0).trainLoss()) + " to "
                + loss(run.last().trainLoss()) + " in " + run.epochsDone() + " epochs, " + test(run) + ".";
    }

    /** Runs: the same network with each optimizer (the roles name them). */
    static String optimizerRace(List<RunFigures> runs) {
        List<RunFigures> finished = runs.stream()
                .filter(r -> !r.diverged() && r.epochsDone() > 0)
                .sorted(Comparator.comparingDouble(r -> r.last().validationLoss()))
                .toList();
        if (finished.isEmpty()) {
            return "No optimizer finished an epoch, so there is no race to read.";
        }
        List<String> ranking = new ArrayList<>();
        for (RunFigures run : finished) {
            ranking.add(run.role() + " " + loss(run.last().validationLoss()));
        }
        List<String> tests = new ArrayList<>();
        for (RunFigures run : finished) {
            tests.add(run.role() + " " + accuracy(run));
        }
        RunFigures first = finished.get(0);
        RunFigures last = finished.get(finished.size() - 1);
        List<String> sentences = new ArrayList<>();
        sentences.add("Validation loss after the last epoch, lowest first: " + String.join(", ", ranking)
                + ". On the test data: " + String.join(", ", tests) + ". " + first.role() + " won the race; "
                + last.role() + " came last.");
        for (RunFigures run : runs) {
            if (run.diverged()) {
                sentences.add(run.role() + " diverged and was stopped.");
            }
        }
        sentences.add("Plain SGD takes the same step size for every weight; momentum, AdaGrad, RMSprop and Adam "
                + "adapt the step to each weight's gradients.");
        return String.join(" ", sentences);
    }

    /** Runs: a big MLP on few samples, then the same with Dropout and early stopping. */
    static String overfitting(List<RunFigures> runs) {
        RunFigures plain = runs.get(0);
        RunFigures helped = runs.get(1);
        if (plain.epochsDone() == 0 || helped.epochsDone() == 0) {
            return "A run ended before its first epoch, so there is no gap to read.";
        }
        EpochEnded end = plain.last();
        String first = "The big MLP reached " + percent(end.trainAccuracy()) + " accuracy on its training samples "
                + "but " + percent(end.validationAccuracy()) + " on the validation data: a gap of "
                + points(end.trainAccuracy() - end.validationAccuracy()) + ". "
                + validationTurn(plain, "it learned its few samples by heart instead of what digits look like. ");
        EpochEnded kept = keptEpoch(helped);
        String stopping = helped.outcome() == TrainingOutcome.STOPPED_EARLY
                ? "early stopping ended the run after epoch " + helped.epochsDone() + " of " + helped.epochsPlanned()
                        + (helped.keptEpoch() > 0 ? " and kept the weights of epoch " + helped.keptEpoch() : "")
                : "the run went on for all " + helped.epochsPlanned() + " epochs (the validation loss kept improving)";
        String second = "With Dropout, " + stopping + "; there the gap was "
                + points(kept.trainAccuracy() - kept.validationAccuracy()) + " (training "
                + percent(kept.trainAccuracy()) + ", validation " + percent(kept.validationAccuracy()) + "). "
                + "On the test data: " + accuracy(helped) + " with Dropout and early stopping, " + accuracy(plain)
                + " without.";
        return first + second;
    }

    /** Runs: one Embedding + LSTM on the movie reviews. */
    static String text(List<RunFigures> runs) {
        RunFigures lstm = runs.get(0);
        if (lstm.epochsDone() == 0) {
            return "The LSTM ended before its first epoch.";
        }
        return "The Embedding and LSTM reached " + test(lstm) + " (the test reviews were never seen in training). "
                + validationTurn(lstm, "the network began to memorise the training sentences. ")
                + "Training accuracy ended at " + percent(lstm.last().trainAccuracy()) + ", validation at "
                + percent(lstm.last().validationAccuracy()) + ".";
    }

    /** Where the validation loss was lowest, and, if it rose afterwards, what that means ({@code because}). */
    private static String validationTurn(RunFigures run, String because) {
        int best = run.bestValidationEpoch();
        if (best == 0) {
            return "";
        }
        EpochEnded lowest = run.epochs().get(best - 1);
        if (best == run.epochsDone()) {
            return "The validation loss was still falling in the last epoch (" + loss(lowest.validationLoss())
                    + "): more epochs may help. ";
        }
        return "The validation loss was lowest in epoch " + best + " (" + loss(lowest.validationLoss())
                + ") and rose to " + loss(run.last().validationLoss()) + " while the training loss kept falling: "
                + because;
    }

    /** The epoch whose weights the run ended with. */
    private static EpochEnded keptEpoch(RunFigures run) {
        return run.keptEpoch() > 0 && run.keptEpoch() <= run.epochsDone()
                ? run.epochs().get(run.keptEpoch() - 1)
                : run.last();
    }
}
