package org.layerlab.core.training;

import java.util.Locale;
import java.util.Optional;
import org.layerlab.core.stack.StackSummary;

/**
 * The memory LayerLab may use on a machine, and the refusal of a stack whose {@link MemoryEstimate} is
 * larger. Where the machine's size comes from is the engine's business; tests give any size they like.
 */
public record MemoryBudget(long usableBytes, long machineBytes) {

    /**
     * Three quarters of the machine: the operating system and the programs beside LayerLab need the rest,
     * and a stack that would take all of it makes the machine swap long before anything fails.
     */
    public static MemoryBudget shareOf(long machineBytes) {
        return new MemoryBudget(machineBytes / 4 * 3, machineBytes);
    }

    /** Why training {@code summary} with {@code config} cannot fit; empty when it fits or the stack is broken. */
    public Optional<String> refusal(StackSummary summary, TrainingConfig config) {
        if (!summary.valid()) {
            return Optional.empty();
        }
        return refusal(MemoryEstimate.of(summary, config.optimizer().kind(), config.batchSize()));
    }

    /** One sentence naming the layer that needs the most, what for, and what to change; empty when it fits. */
    public Optional<String> refusal(MemoryEstimate estimate) {
        if (estimate.totalBytes() <= usableBytes) {
            return Optional.empty();
        }
        MemoryEstimate.LayerNeed largest = estimate.largest();
        int number = largest.layer().number();
        String label = "Layer " + number + " (" + largest.layer().layer().kind().displayName() + ")";
        boolean weightsDominate = largest.parameterBytes() >= largest.activationBytes();
        String what = weightsDominate
                ? String.format(
                        Locale.ROOT,
                        "its %,d parameters, their gradients%s",
                        largest.layer().parameters(),
                        optimizerState(estimate.optimizer()))
                : "its outputs for a batch of " + estimate.batchSize() + " and their gradients";
        String fix =
                weightsDominate ? "use " + fewerWeights(largest) : "use a smaller batch size" + fewerOutputs(largest);
        return Optional.of(label + " alone needs " + MemoryEstimate.bytes(largest.totalBytes()) + " for " + what
                + "; the whole stack needs " + estimate.describe() + ", but LayerLab may use "
                + MemoryEstimate.bytes(usableBytes) + " of this machine's " + MemoryEstimate.bytes(machineBytes)
                + "; " + fix + ".");
    }

    private static String optimizerState(OptimizerKind optimizer) {
        return MemoryEstimate.stateValuesPerParameter(optimizer) == 0
                ? ""
                : " and the state " + optimizer.displayName() + " keeps for each";
    }

    private static String fewerWeights(MemoryEstimate.LayerNeed need) {
        return switch (need.layer().layer().kind()) {
            case DENSE, LSTM, GRU -> "fewer units";
            case CONV2D -> "fewer filters or a smaller kernel";
            case EMBEDDING -> "a smaller vocabulary or dimension";
            default -> "a smaller layer " + need.layer().number();
        };
    }

    private static String fewerOutputs(MemoryEstimate.LayerNeed need) {
        return switch (need.layer().layer().kind()) {
            case DENSE, LSTM, GRU -> " or fewer units";
            case CONV2D -> " or fewer filters";
            case EMBEDDING -> " or a smaller dimension";
            default -> "";
        };
    }
}
