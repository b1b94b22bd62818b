package org.layerlab.serve;

import java.util.List;
import java.util.regex.Pattern;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.Prediction;
import org.layerlab.core.training.TrainedModel;

/**
 * What a service serves: a name (for the URLs of the v2 protocol), the model's description, and the way to
 * run it. The service calls {@code predictor} from one thread at a time. The GUI passes one that goes
 * through its run's lock ({@code features -> run.apply(m -> m.predict(features))}), so that the service
 * and the Try-it screen never use the model at once; once that run is closed the predictor throws an
 * {@link IllegalStateException} and the service answers 503.
 */
public record ServedModel(String name, ModelInfo info, LayerStack stack, Predictor predictor) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** Runs the model on some prepared inputs. */
    @FunctionalInterface
    public interface Predictor {
        List<Prediction> predict(FeatureStore inputs);
    }

    public ServedModel {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' cannot name a model in a URL; use letters, digits, "
                    + "'.', '_' and '-' (at most 64, starting with a letter or digit)");
        }
    }

    /** A model the caller keeps open until the service has stopped. */
    public static ServedModel of(String name, TrainedModel model) {
        return new ServedModel(name, model.info(), model.stack(), model::predict);
    }

    /** A URL-safe model name made from a folder or run name: other characters become '-'. */
    public static String nameFrom(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        if (cleaned.isEmpty()) {
            return "model";
        }
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
