package org.layerlab.core.training;

import java.util.List;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Split;

/**
 * What a saved model needs besides its weights: how to read new input, the names of its answers, and the
 * split its data was made with (so that evaluation finds the same test rows).
 */
public record ModelInfo(
        DataKind dataKind,
        int[] inputShape,
        List<String> classNames,
        Preprocessing preprocessing,
        LossKind loss,
        Split split) {

    public ModelInfo {
        inputShape = inputShape.clone();
        classNames = List.copyOf(classNames);
    }
}
