package org.layerlab.ui.inside;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.LayerWeights;

/** Each parameter tensor's histogram after training, and before it when the initial weights are known. */
final class WeightDistributions {
    static final int BINS = 40;

    private WeightDistributions() {}

    /** {@code before} lists the same tensors as {@code after}, in the same order, or is null. */
    static List<WeightDistribution> of(LayerStack stack, List<LayerWeights> after, List<LayerWeights> before) {
        List<WeightDistribution> distributions = new ArrayList<>(after.size());
        for (int i = 0; i < after.size(); i++) {
            LayerWeights trained = after.get(i);
            float[] initial = before == null ? null : before.get(i).values();
            double low = Math.min(min(trained.values()), initial == null ? Double.MAX_VALUE : min(initial));
            double high = Math.max(max(trained.values()), initial == null ? -Double.MAX_VALUE : max(initial));
            if (high - low < 1e-6) { // all values alike (a bias still at 0): a bin around them
                low -= 0.5;
                high += 0.5;
            }
            String title = String.format(
                    Locale.ROOT,
                    "Layer %d, %s: %s %s, %,d values",
                    trained.layer() + 1,
                    LayerLabel.of(stack.layers().get(trained.layer())),
                    trained.name(),
                    shape(trained.shape()),
                    trained.size());
            distributions.add(new WeightDistribution(
                    title,
                    initial == null ? null : Histogram.of(initial, low, high, BINS),
                    Histogram.of(trained.values(), low, high, BINS)));
        }
        return distributions;
    }

    private static String shape(int[] dims) {
        return Arrays.toString(dims).replace('[', '(').replace(']', ')');
    }

    private static double min(float[] values) {
        double min = Double.MAX_VALUE;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static double max(float[] values) {
        double max = -Double.MAX_VALUE;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
