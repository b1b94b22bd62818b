package org.layerlab.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.Samples;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.ConfusionMatrix;
import org.layerlab.core.training.Evaluation;
import org.layerlab.core.training.LayerOutput;
import org.layerlab.core.training.LayerWeights;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.Prediction;
import org.layerlab.core.training.TrainedModel;

/** A LayerStack built as a DJL block inside a DJL Model, with its loss; the engine's TrainedModel. */
final class DjlModel implements TrainedModel {
    static final String MODEL_NAME = "layerlab";
    private static final int EVAL_BATCH = 500;

    private final LayerStack stack;
    private final ModelInfo info;
    private final Model model;
    private final SequentialBlock block;
    private final ParameterStore parameterStore;
    private final LossFunction loss;

    private DjlModel(LayerStack stack, ModelInfo info, long seed) {
        this.stack = stack;
        this.info = info;
        this.model = Model.newInstance(MODEL_NAME, Device.cpu(), "PyTorch");
        try {
            this.block = BlockFactory.build(stack, seed);
            model.setBlock(block);
            block.initialize(
                    model.getNDManager(), DataType.FLOAT32, new Shape(DeviceData.prepend(1, info.inputShape())));
            this.parameterStore = new ParameterStore(model.getNDManager(), false);
            int outputs = (int)
                    block.getOutputShapes(new Shape[] {new Shape(DeviceData.prepend(1, info.inputShape()))})[0].get(1);
            this.loss = new LossFunction(info.loss(), outputs);
        } catch (RuntimeException e) {
            model.close(); // a stack that fails to build must not leave the native model behind
            throw e;
        }
    }

    /** A new, initialised model to train; its dropout masks are drawn from {@code seed}. */
    static DjlModel create(LayerStack stack, ModelInfo info, long seed) {
        return new DjlModel(stack, info, seed);
    }

    static DjlModel load(LayerStack stack, ModelInfo info, Path folder) throws IOException {
        DjlModel loaded = new DjlModel(stack, info, 0);
        try {
            loaded.model.load(folder, MODEL_NAME);
        } catch (MalformedModelException e) {
            loaded.close();
            throw new IOException("the weights in " + folder + " do not fit this stack: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            loaded.close(); // a damaged file must not leave the native model behind
            throw e;
        }
        return loaded;
    }

    NDManager manager() {
        return model.getNDManager();
    }

    LossFunction lossFunction() {
        return loss;
    }

    NDArray forward(NDArray input, boolean training) {
        return block.forward(parameterStore, new NDList(input), training).head();
    }

    /** All parameter arrays, trainable or not (BatchNorm's running statistics are not). */
    List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            all.add(pair.getValue());
        }
        return all;
    }

    @Override
    public LayerStack stack() {
        return stack;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public List<Prediction> predict(FeatureStore inputs) {
        TorchCalls.recordGradients(false);
        List<Prediction> predictions = new ArrayList<>(inputs.count());
        try (NDManager scope = manager().newSubManager()) {
            NDArray all = DeviceData.upload(scope, inputs, info.inputShape());
            for (int from = 0; from < inputs.count(); from += EVAL_BATCH) {
                int to = Math.min(from + EVAL_BATCH, inputs.count());
                try (NDManager batch = scope.newSubManager()) {
                    NDArray x = DeviceData.batch(all, from, to);
                    x.attach(batch);
                    float[] probabilities =
                            loss.probabilities(forward(x, false)).toFloatArray();
                    addPredictions(probabilities, to - from, predictions);
                }
            }
        }
        return predictions;
    }

    private void addPredictions(float[] flat, int rows, List<Prediction> out) {
        int classes = flat.length / rows;
        for (int r = 0; r < rows; r++) {
            float[] p = new float[classes];
            System.arraycopy(flat, r * classes, p, 0, classes);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            out.add(new Prediction(best, p));
        }
    }

    @Override
    public Evaluation evaluate(Samples samples) {
        List<Prediction> predictions = new ArrayList<>(samples.count());
        double lossSum = forEachBatch(samples, (logits, labels, rows) -> {
            addPredictions(loss.probabilities(logits).toFloatArray(), rows, predictions);
            return loss.score(values(logits), labels, rows, null, 0f).sum() * loss.meanScale(rows) * rows;
        });
        ConfusionMatrix confusion = new ConfusionMatrix(info.classNames().size());
        for (int i = 0; i < samples.count(); i++) {
            confusion.add(samples.labels()[i], predictions.get(i).predictedClass());
        }
        return new Evaluation(samples.count() == 0 ? Double.NaN : lossSum / samples.count(), confusion, predictions);
    }

    /**
     * Mean loss and accuracy over the samples in one pass, without per-sample predictions: what a training
     * run needs after each epoch, so validation stays a small part of the epoch.
     */
    double[] lossAndAccuracy(Samples samples) {
        long[] correct = {0};
        double lossSum = forEachBatch(samples, (logits, labels, rows) -> {
            LossFunction.Score score = loss.score(values(logits), labels, rows, null, 0f);
            correct[0] += score.correct();
            return score.sum() * loss.meanScale(rows) * rows;
        });
        int n = samples.count();
        return n == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {lossSum / n, (double) correct[0] / n};
    }

    /** What is done with one evaluation batch's outputs; returns the batch's share of a sum. */
    @FunctionalInterface
    private interface BatchVisit {
        double visit(NDArray logits, int[] labels, int rows);
    }

    /** The logits' values, read in place where PyTorch allows (see {@link TorchCalls#memoryOf}). */
    private static FloatBuffer values(NDArray logits) {
        return TorchCalls.memoryOf(logits).asFloatBuffer();
    }

    /** Runs the samples through the network without gradients, in batches, and sums what each visit returns. */
    private double forEachBatch(Samples samples, BatchVisit visit) {
        TorchCalls.recordGradients(false);
        double sum = 0;
        try (NDManager scope = manager().newSubManager()) {
            NDArray all = DeviceData.upload(scope, samples.features(), info.inputShape());
            for (int from = 0; from < samples.count(); from += EVAL_BATCH) {
                int to = Math.min(from + EVAL_BATCH, samples.count());
                try (NDManager batch = scope.newSubManager()) {
                    NDArray x = DeviceData.batch(all, from, to);
                    x.attach(batch);
                    int[] labels = Arrays.copyOfRange(samples.labels(), from, to);
                    sum += visit.visit(forward(x, false), labels, to - from);
                }
            }
        }
        return sum;
    }

    @Override
    public List<LayerWeights> weights() {
        return WeightsReader.read(stack, block);
    }

    /**
     * Made again rather than kept with the run: a run seeds PyTorch with its training seed and then creates
     * its model (see {@link TrainingRun}), so seeding and creating once more draws the same initial values
     * (LayerOutputsTest checks this against a run). The seed is PyTorch's one global generator, which a run
     * starting at the same time seeds and draws from too, so callers do this while none is training.
     */
    @Override
    public List<LayerWeights> initialWeights(long seed) {
        try (DjlModel fresh = createSeeded(stack, info, seed)) {
            return fresh.weights();
        }
    }

    /** Seeds PyTorch and creates the model in one step, so that no other seeding comes between the two. */
    static synchronized DjlModel createSeeded(LayerStack stack, ModelInfo info, long seed) {
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        return create(stack, info, seed);
    }

    @Override
    public List<LayerOutput> layerOutputs(FeatureStore sample) {
        TorchCalls.recordGradients(false);
        FeatureStore first = sample.count() == 1 ? sample : sample.subset(new int[] {0});
        try (NDManager scope = manager().newSubManager()) {
            NDArray x = DeviceData.batch(DeviceData.upload(scope, first, info.inputShape()), 0, 1);
            x.attach(scope);
            return LayerOutputs.of(stack, block, parameterStore, x);
        }
    }

    @Override
    public void saveWeights(Path folder) throws IOException {
        model.save(folder, MODEL_NAME);
    }

    @Override
    public void close() {
        model.close();
    }
}
