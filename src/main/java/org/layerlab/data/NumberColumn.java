package org.layerlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A column of numbers, kept as doubles in chunks of {@value #CHUNK} rows, so that it can be filled while the
 * file is read without knowing its length and without copying; NaN marks a missing cell.
 */
final class NumberColumn implements DataColumn {
    private static final int CHUNK_BITS = 13;
    static final int CHUNK = 1 << CHUNK_BITS;

    private final String name;
    private final double[][] chunks;
    private final int size;

    private NumberColumn(String name, double[][] chunks, int size) {
        this.name = name;
        this.chunks = chunks;
        this.size = size;
    }

    /** Collects a column's numbers one row after another. */
    static final class Builder {
        private final List<double[]> chunks = new ArrayList<>();
        private double[] last = new double[0];
        private int size;

        void add(double value) {
            int at = size & (CHUNK - 1);
            if (at == 0) {
                last = new double[CHUNK];
                chunks.add(last);
            }
            last[at] = value;
            size++;
        }

        NumberColumn build(String name) {
            double[][] all = chunks.toArray(double[][]::new);
            if (all.length > 0) {
                // The last chunk is trimmed, so that a short table does not keep a whole chunk per column.
                all[all.length - 1] = Arrays.copyOf(last, size - (all.length - 1) * CHUNK);
            }
            return new NumberColumn(name, all, size);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(getDouble(row));
    }

    double getDouble(int row) {
        return chunks[row >>> CHUNK_BITS][row & (CHUNK - 1)];
    }

    @Override
    public String getString(int row) {
        double v = getDouble(row);
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
