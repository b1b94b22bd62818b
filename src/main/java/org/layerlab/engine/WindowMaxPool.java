package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * Max pooling over windows that do not overlap (the stride is the window's side), as LayerLab's MaxPool2D
 * layers usually are. libtorch 2.7.1's own max_pool2d took about 8.5 ms forward for a 64 × 32 × 26 × 26
 * batch on one thread (6 ns a value: its comparisons branch on the data, and random data mispredicts them),
 * the largest part of an MNIST CNN batch. Here Java finds where each window's largest value is, without
 * branching on the values, and PyTorch gathers the values from there: about 4 ms forward, and the gather's
 * gradient (1.1 ms, as max_pool2d's own) sends each output's gradient to that one position, as max_pool2d
 * does. Among equal values the first wins, as in max_pool2d; a window with a NaN gives NaN (with several,
 * max_pool2d's gradient goes to the last and this one's to the first).
 */
final class WindowMaxPool extends AbstractBlock {
    /** DJL's pooling block's: the saved layout is the same, so models saved with that block still load. */
    private static final byte DJL_LAMBDA_BLOCK_VERSION = 2;

    private final int side;

    WindowMaxPool(int side) {
        super(DJL_LAMBDA_BLOCK_VERSION);
        this.side = side;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        Shape shape = input.getShape();
        long batch = shape.get(0);
        long channels = shape.get(1);
        int planes = Math.toIntExact(batch * channels);
        int height = Math.toIntExact(shape.get(2));
        int width = Math.toIntExact(shape.get(3));
        int rows = height / side;
        int columns = width / side;
        // The input's own memory when it is contiguous, a copy otherwise: both in NCHW order.
        FloatBuffer values = TorchCalls.memoryOf(input).asFloatBuffer();
        // A tensor of PyTorch's own, written in place: the gather keeps it for the backward pass.
        NDArray where = input.getManager().create(new Shape(batch, channels, (long) rows * columns), DataType.INT64);
        LongBuffer positions = TorchCalls.memoryOf(where).asLongBuffer();
        for (int plane = 0; plane < planes; plane++) {
            if (side == 2) {
                findMaxima2(values, plane * height * width, width, rows, columns, positions, plane * rows * columns);
            } else {
                findMaxima(values, plane * height * width, width, rows, columns, positions, plane * rows * columns);
            }
        }
        NDArray maxima = input.reshape(batch, channels, (long) height * width).gather(where, 2);
        return new NDList(maxima.reshape(batch, channels, rows, columns));
    }

    /**
     * For each window of the plane that starts at {@code base}, the position (within the plane) of its largest
     * value. The comparisons become arithmetic, not branches: which value is largest is as good as random.
     */
    private void findMaxima(FloatBuffer values, int base, int width, int rows, int columns, LongBuffer out, int first) {
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int corner = base + row * side * width + column * side;
                float largest = values.get(corner);
                for (int a = 0; a < side; a++) {
                    for (int b = 0; b < side; b++) {
                        largest = Math.max(largest, values.get(corner + a * width + b)); // NaN if any is NaN
                    }
                }
                int found = 0;
                int offset = 0;
                for (int a = 0; a < side; a++) {
                    for (int b = 0; b < side; b++) {
                        int equal = values.get(corner + a * width + b) == largest ? 1 : 0;
                        offset += (equal & ~found) * (a * width + b); // the first equal one only
                        found |= equal;
                    }
                }
                if (found == 0) { // a NaN: nothing equals it
                    offset = firstNaN(values, corner, width);
                }
                out.put(first + row * columns + column, (long) corner - base + offset);
            }
        }
    }

    /**
     * {@link #findMaxima} for 2 × 2 windows, the usual ones, written out: the general loops compile to
     * branches again, three times slower.
     */
    private static void findMaxima2(
            FloatBuffer values, int base, int width, int rows, int columns, LongBuffer out, int first) {
        for (int row = 0; row < rows; row++) {
            int top = base + 2 * row * width;
            for (int column = 0; column < columns; column++) {
                int corner = top + 2 * column;
                float v0 = values.get(corner);
                float v1 = values.get(corner + 1);
                float v2 = values.get(corner + width);
                float v3 = values.get(corner + width + 1);
                float largest = Math.max(Math.max(v0, v1), Math.max(v2, v3));
                int e0 = v0 == largest ? 1 : 0;
                int e1 = v1 == largest ? 1 : 0;
                int e2 = v2 == largest ? 1 : 0;
                int e3 = v3 == largest ? 1 : 0;
                int offset = (e1 & ~e0) + (e2 & ~(e0 | e1)) * width + (e3 & ~(e0 | e1 | e2)) * (width + 1);
                if ((e0 | e1 | e2 | e3) == 0) { // a NaN: nothing equals it
                    offset = Float.isNaN(v0) ? 0 : Float.isNaN(v1) ? 1 : Float.isNaN(v2) ? width : width + 1;
                }
                out.put(first + row * columns + column, (long) corner - base + offset);
            }
        }
    }

    private int firstNaN(FloatBuffer values, int corner, int width) {
        for (int a = 0; a < side; a++) {
            for (int b = 0; b < side; b++) {
                if (Float.isNaN(values.get(corner + a * width + b))) {
                    return a * width + b;
                }
            }
        }
        throw new IllegalStateException("a window's maximum is not among its values");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), in.get(2) / side, in.get(3) / side)};
    }
}
