package org.layerlab.core.training;

import java.util.List;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Split;

/**
 * What a saved model needs besides its weights: how to read new input, the names of its answers, and the
 * split its data was made with (so that evaluation finds the same test rows), and the name and size of
 * the data it was trained on (so that evaluation tells that data from other data; "" and 0 when unknown).
 */
public record ModelInfo(
        DataKind dataKind,
        int[] inputShape,
        List<String> classNames,
        Preprocessing preprocessing,
        LossKind loss,
        Split split,
        String dataName,
        int dataSamples) {

    public ModelInfo {
        inputShape = inputShape.clone();
        classNames = List.copyOf(classNames);
    }

    /** True when {@code data} looks like the data this model was trained on (same name and size). */
    public boolean trainedOn(String name, int samples) {
        return dataSamples > 0 && dataName.equals(name) && dataSamples == samples;
    }
}
