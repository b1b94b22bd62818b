package org.layerlab.core.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.Samples;
import org.layerlab.core.stack.LayerStack;

/** A trained network, whatever engine made it. Close it to free its native memory. */
public interface TrainedModel extends AutoCloseable {

    LayerStack stack();

    ModelInfo info();

    List<Prediction> predict(FeatureStore inputs);

    Evaluation evaluate(Samples samples);

    /**
     * Every trained parameter, layer by layer, for exporters that write the model in other formats. A model
     * that cannot list them (a test double) says so.
     */
    default List<LayerWeights> weights() {
        throw new UnsupportedOperationException("this model cannot list its weights");
    }

    /**
     * The parameters this model started its training from, listed as {@link #weights()} lists them:
     * {@code seed} is its run's training seed. A model that cannot re-make them (a test double) says so.
     */
    default List<LayerWeights> initialWeights(long seed) {
        throw new UnsupportedOperationException("this model cannot show its weights before training");
    }

    /**
     * The output of every layer of the stack, in order, for the first sample of {@code sample} (as the
     * trained network computes it for a prediction). A model that cannot show them (a test double) says so.
     */
    default List<LayerOutput> layerOutputs(FeatureStore sample) {
        throw new UnsupportedOperationException("this model cannot show what its layers compute");
    }

    /** Writes the weights into a folder (the caller writes the stack and info beside them). */
    void saveWeights(Path folder) throws IOException;

    @Override
    void close();
}
