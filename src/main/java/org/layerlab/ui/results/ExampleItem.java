package org.layerlab.ui.results;

import java.util.List;
import java.util.Locale;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.SampleText;
import org.layerlab.core.data.Samples;
import org.layerlab.core.training.Examples;
import org.layerlab.core.training.Prediction;

/**
 * One sample behind a figure, ready to show: its true and predicted class, the model's top probabilities,
 * and either its pixels (bytes 0–255, shaped channels × height × width) or its text.
 */
public record ExampleItem(
        int index,
        String trueClass,
        String predictedClass,
        String topProbabilities,
        byte[] pixels,
        int[] shape,
        String text) {

    static ExampleItem of(
            int index, Samples samples, Prediction prediction, List<String> classes, Preprocessing preprocessing) {
        float[] sample = samples.features().sample(index);
        List<String> top = Examples.topClasses(prediction, 3).stream()
                .map(c -> String.format(
                        Locale.ROOT,
                        "%s %.1f %%",
                        classes.get(c),
                        100 * prediction.probabilities()[c]))
                .toList();
        boolean image = preprocessing instanceof Preprocessing.Image;
        int[] shape =
                preprocessing instanceof Preprocessing.Image i ? new int[] {i.channels(), i.height(), i.width()} : null;
        return new ExampleItem(
                index,
                classes.get(samples.labels()[index]),
                classes.get(prediction.predictedClass()),
                String.join(" · ", top),
                image ? bytes(sample) : null,
                shape,
                image ? null : SampleText.of(preprocessing, sample));
    }

    public boolean correct() {
        return trueClass.equals(predictedClass);
    }

    private static byte[] bytes(float[] scaled) {
        byte[] out = new byte[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            out[i] = (byte) Math.round(Math.max(0, Math.min(1, scaled[i])) * 255);
        }
        return out;
    }
}
