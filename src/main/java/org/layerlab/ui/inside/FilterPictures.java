package org.layerlab.ui.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.LayerWeights;

/** The first convolution's kernels as pictures; a network without convolutions has none. */
final class FilterPictures {

    private FilterPictures() {}

    static Optional<FilterGrid> of(LayerStack stack, List<LayerWeights> weights) {
        for (int layer = 0; layer < stack.layers().size(); layer++) {
            if (stack.layers().get(layer) instanceof Conv2D conv) {
                int at = layer;
                return weights.stream()
                        .filter(w -> w.layer() == at && w.name().equals("weight"))
                        .findFirst()
                        .map(kernels -> grid(
                                "Layer " + (at + 1) + ", " + LayerLabel.of(conv) + ": " + kernels.shape()[0]
                                        + " filters",
                                kernels));
            }
        }
        return Optional.empty();
    }

    /** Kernels shaped (filters, channels, k, k); a filter's channels are laid side by side, 1 pixel apart. */
    private static FilterGrid grid(String title, LayerWeights kernels) {
        int[] shape = kernels.shape();
        int filters = shape[0];
        int channels = shape[1];
        int rows = shape[2];
        int columns = shape[3];
        float[] values = kernels.values();
        double range = 0;
        for (float value : values) {
            range = Math.max(range, Math.abs(value));
        }
        int width = channels * columns + channels - 1;
        List<PixelTile> tiles = new ArrayList<>(filters);
        for (int f = 0; f < filters; f++) {
            int[] argb = new int[width * rows];
            java.util.Arrays.fill(argb, Colours.GAP);
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < columns; x++) {
                        float value = values[((f * channels + c) * rows + y) * columns + x];
                        argb[y * width + c * (columns + 1) + x] = Colours.diverging(value, range);
                    }
                }
            }
            tiles.add(new PixelTile(width, rows, argb));
        }
        return new FilterGrid(title, range, tiles);
    }
}
