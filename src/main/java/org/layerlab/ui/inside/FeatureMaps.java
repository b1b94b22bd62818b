package org.layerlab.ui.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.layerlab.core.stack.AvgPool2D;
import org.layerlab.core.stack.Conv2D;
import org.layerlab.core.stack.Layer;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.MaxPool2D;
import org.layerlab.core.training.LayerOutput;

/**
 * The feature maps of the convolution and pooling layers as grey pictures. All maps of one layer share one
 * scale (black at the layer's smallest value, white at its largest), so that a bright map is a strong one.
 */
final class FeatureMaps {

    private FeatureMaps() {}

    static List<MapGroup> of(LayerStack stack, List<LayerOutput> outputs) {
        List<MapGroup> groups = new ArrayList<>();
        for (LayerOutput output : outputs) {
            Layer layer = stack.layers().get(output.layer());
            boolean shown = layer instanceof Conv2D || layer instanceof MaxPool2D || layer instanceof AvgPool2D;
            if (shown && output.shape().length == 3) {
                groups.add(group(layer, output));
            }
        }
        return groups;
    }

    private static MapGroup group(Layer layer, LayerOutput output) {
        int channels = output.shape()[0];
        int height = output.shape()[1];
        int width = output.shape()[2];
        float[] values = output.values();
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
        List<PixelTile> maps = new ArrayList<>(channels);
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            int[] argb = new int[plane];
            for (int i = 0; i < plane; i++) {
                argb[i] = Colours.grey(values[c * plane + i], low, high);
            }
            maps.add(new PixelTile(width, height, argb));
        }
        String title = String.format(
                Locale.ROOT,
                "Layer %d, %s: %d maps of %d × %d (black %.2f, white %.2f)",
                output.layer() + 1,
                LayerLabel.of(layer),
                channels,
                height,
                width,
                low,
                high);
        return new MapGroup(title, maps);
    }

    /** The network's input, (channels, height, width) with values in [0, 1], as a grey or colour picture. */
    static PixelTile input(float[] values, int[] shape) {
        int channels = shape[0];
        int plane = shape[1] * shape[2];
        int[] argb = new int[plane];
        for (int i = 0; i < plane; i++) {
            int red = level(values[i]);
            argb[i] = channels == 3
                    ? Colours.argb(red, level(values[plane + i]), level(values[2 * plane + i]))
                    : Colours.argb(red, red, red);
        }
        return new PixelTile(shape[2], shape[1], argb);
    }

    private static int level(float value) {
        return Math.round(255 * Math.max(0, Math.min(1, value)));
    }
}
