package org.layerlab.core.stack;

import java.util.Arrays;

/** The shape of one sample as it flows through a stack, without the batch axis: e.g. (1, 28, 28). */
public final class TensorShape {
    private final int[] dims;

    private TensorShape(int[] dims) {
        this.dims = dims;
    }

    public static TensorShape of(int... dims) {
        return new TensorShape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis];
    }

    public int last() {
        return dims[dims.length - 1];
    }

    public int[] dims() {
        return dims.clone();
    }

    /** Number of values in one sample. */
    public long size() {
        long size = 1;
        for (int d : dims) {
            size *= d;
        }
        return size;
    }

    public TensorShape withLast(int value) {
        int[] copy = dims.clone();
        copy[copy.length - 1] = value;
        return new TensorShape(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Written as students see it in PyTorch and Keras summaries: (1, 28, 28). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            text.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return text.append(')').toString();
    }
}
