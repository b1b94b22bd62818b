package org.layerlab.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;

/**
 * The only door to DJL's PyTorch internals ({@code JniUtils}, {@code PtNDArray}, {@code getNDArrayInternal}):
 * calls that DJL's public NDArray API does not offer, or offers only at the price of extra native calls per
 * batch. They may change in any DJL release, so they live here, pinned by {@code TorchCallsTest}; an
 * ArchUnit rule keeps every other class from reaching them.
 */
final class TorchCalls {
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
     * Backpropagates from {@code value} with {@code seed} as d(loss)/d(value) (of value's shape; a scalar
     * seed scales a scalar value's gradient) into every parameter's gradient. Training seeds the logits with
     * the gradient the Java loss computed; workers that share a batch each add their part. DJL's
     * GradientCollector would allocate a seed per call and allows one collector per process.
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

    /**
     * The tensor's own memory, not a copy: writing into the buffer changes the tensor. PyTorch's
     * {@code toByteBuffer(true)} gives this for a contiguous tensor on the CPU (a parameter, its gradient, a
     * fresh operation's result); for any other it would silently give a copy, so the caller must know its
     * tensor is contiguous. The buffer does not keep the tensor alive: use it only while the tensor is open.
     */
    static ByteBuffer memoryOf(NDArray tensor) {
        return tensor.toByteBuffer(true);
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
