package org.layerlab.core.training;

import java.util.Locale;
import org.layerlab.core.stack.LayerSummary;
import org.layerlab.core.stack.StackSummary;

/**
 * The memory training a stack takes, worked out from its summary before anything is allocated. The rule:
 *
 * <ul>
 *   <li>every parameter as a float32 (4 bytes), once as the weight, once as its gradient, and once more for
 *       each value the optimizer keeps per parameter (Adam 2, momentum, AdaGrad and RMSprop 1, SGD 0);
 *   <li>every layer's output for one batch as float32, twice: the forward pass keeps it for the backward
 *       pass, which makes a gradient of the same size;
 *   <li>a fixed allowance for the Java and PyTorch runtimes.
 * </ul>
 *
 * PyTorch's temporaries and the data set are not counted: the estimate is there to stop stacks that are
 * many times too large before they take the machine down, not to predict the last megabyte. Every sum
 * saturates at {@link Long#MAX_VALUE} rather than overflow, since the stacks it is meant for are absurd.
 */
public record MemoryEstimate(
        OptimizerKind optimizer, int batchSize, long parameterBytes, long activationBytes, LayerNeed largest) {

    /** The Java heap LayerLab starts with and PyTorch's native libraries, whatever the stack. */
    public static final long RUNTIME_BYTES = 512L * 1024 * 1024;

    private static final long FLOAT_BYTES = 4;

    /** What one layer alone needs: its parameters with their gradients and optimizer state, and its outputs. */
    public record LayerNeed(LayerSummary layer, long parameterBytes, long activationBytes) {
        public long totalBytes() {
            return plus(parameterBytes, activationBytes);
        }
    }

    /** The estimate for a valid summary (one with every output shape known). */
    public static MemoryEstimate of(StackSummary summary, OptimizerKind optimizer, int batchSize) {
        if (!summary.valid()) {
            throw new IllegalArgumentException("a stack with problems has no memory estimate: " + summary.problems());
        }
        long copiesPerParameter = 2L + stateValuesPerParameter(optimizer);
        long parameterBytes = 0;
        long activationBytes = 0;
        LayerNeed largest = null;
        for (LayerSummary layer : summary.layers()) {
            LayerNeed need = new LayerNeed(
                    layer,
                    times(layer.parameters(), copiesPerParameter * FLOAT_BYTES),
                    times(layer.output().size(), batchSize * 2L * FLOAT_BYTES));
            parameterBytes = plus(parameterBytes, need.parameterBytes());
            activationBytes = plus(activationBytes, need.activationBytes());
            if (largest == null || need.totalBytes() > largest.totalBytes()) {
                largest = need;
            }
        }
        return new MemoryEstimate(optimizer, batchSize, parameterBytes, activationBytes, largest);
    }

    /** Values the optimizer keeps for each parameter: Adam two running averages, the others one or none. */
    static int stateValuesPerParameter(OptimizerKind optimizer) {
        return switch (optimizer) {
            case SGD -> 0;
            case MOMENTUM, ADAGRAD, RMSPROP -> 1;
            case ADAM -> 2;
        };
    }

    public long totalBytes() {
        return plus(plus(parameterBytes, activationBytes), RUNTIME_BYTES);
    }

    /** "about 532 MB to train with Adam in batches of 128". */
    public String describe() {
        return "about " + bytes(totalBytes()) + " to train with " + optimizer.displayName() + " in batches of "
                + batchSize;
    }

    /** Binary units, as the operating system reports memory: a machine with 8 GB shows "8.0 GB". */
    public static String bytes(long bytes) {
        double mb = bytes / (1024.0 * 1024);
        if (mb < 1024) {
            return String.format(Locale.ROOT, "%,.0f MB", Math.max(mb, 1));
        }
        double gb = mb / 1024;
        return gb < 1024
                ? String.format(Locale.ROOT, "%,.1f GB", gb)
                : String.format(Locale.ROOT, "%,.1f TB", gb / 1024);
    }

    private static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException tooLarge) {
            return Long.MAX_VALUE;
        }
    }

    private static long plus(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException tooLarge) {
            return Long.MAX_VALUE;
        }
    }
}
