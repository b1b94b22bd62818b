package org.layerlab.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The only door to DJL's PyTorch internals ({@code JniUtils}, {@code PtNDArray}, {@code getNDArrayInternal}):
 * calls that DJL's public NDArray API does not offer, or offers only at the price of extra native calls per
 * batch. They may change in any DJL release, so they live here, pinned by {@code TorchCallsTest}; an
 * ArchUnit rule keeps every other class from reaching them.
 */
final class TorchCalls {
    /** MXNet's convention, kept by DJL's native updates: a negative clip value means "do not clip". */
    private static final float NO_CLIP = -1f;

    static {
        // JniUtils needs the native library, which DJL loads with the engine: any of these calls may come first.
        Engine.getEngine("PyTorch");
    }

    private TorchCalls() {}

    /** Turns autograd recording on or off for the calling thread (libtorch keeps it per thread). */
    static void recordGradients(boolean on) {
        JniUtils.setGradMode(on);
    }

    /**
     * The intra-op threads PyTorch may use for operations started from the calling thread. OpenMP keeps the
     * setting per thread, so each training worker sets it for itself.
     */
    static void useThreads(int threads) {
        JniUtils.setNumThreads(threads);
    }

    /**
     * Backpropagates {@code seed × d(value)} into every parameter's gradient. A constant seed lets the loss
     * be a plain sum (one native call fewer than a mean) and lets workers that share a batch each add their
     * part; DJL's GradientCollector would allocate a seed per call and allows one collector per process.
     */
    static void backward(NDArray value, NDArray seed) {
        JniUtils.backward((PtNDArray) value, (PtNDArray) seed, false, false);
    }

    /**
     * The parameter's gradient tensor. Created by the first backward pass; later passes add into the same
     * tensor in place (its gradient is zeroed, never dropped), so the handle can be kept for a whole run.
     */
    static NDArray gradient(NDArray weight) {
        return JniUtils.getGradient((PtNDArray) weight);
    }

    /** Sets the parameter's gradient to zero in place (nothing happens before its first backward pass). */
    static void zeroGradient(NDArray weight) {
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    /**
     * DJL's fused Adam kernel, in one native call: m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
     * w ← w − step·m / (√v + ε). Bias correction, if any, is the caller's choice of {@code step}.
     */
    static void adamKernel(
            NDArray weight, NDArray grad, NDArray m, NDArray v, float step, float beta1, float beta2, float eps) {
        JniUtils.adamUpdate(
                (PtNDArray) weight,
                (PtNDArray) grad,
                (PtNDArray) m,
                (PtNDArray) v,
                step,
                step,
                0f,
                1f,
                NO_CLIP,
                beta1,
                beta2,
                eps,
                false);
    }

    /**
     * DJL's fused SGD kernel: w ← w − η·g, or with momentum α: v ← α·v + η·g; w ← w − v. It leaves the
     * gradient as it is.
     */
    static void sgdKernel(NDArray weight, NDArray grad, NDArray velocity, float learningRate, float momentum) {
        JniUtils.sgdUpdate(
                (PtNDArray) weight, (PtNDArray) grad, (PtNDArray) velocity, learningRate, 0f, 1f, NO_CLIP, momentum);
    }

    /** The logistic function 1 / (1 + e^−x), which DJL's public NDArray API lacks. */
    static NDArray sigmoid(NDArray values) {
        return values.getNDArrayInternal().sigmoid();
    }

    /** Rows of {@code table} picked by the token ids (PyTorch's embedding lookup, dense gradient). */
    static NDList embedding(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE);
    }
}
