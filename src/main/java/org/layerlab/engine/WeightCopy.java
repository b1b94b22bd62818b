package org.layerlab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/** A copy of every parameter of a model (running statistics included), taken and put back on demand. */
final class WeightCopy implements AutoCloseable {
    private final List<Parameter> parameters;
    private final List<NDArray> copies = new ArrayList<>();
    private NDManager scope;
    private boolean restored;

    WeightCopy(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    /** Replaces the copy with the parameters' values now. */
    void take() {
        close();
        scope = parameters.get(0).getArray().getManager().newSubManager();
        for (Parameter p : parameters) {
            NDArray copy = p.getArray().duplicate();
            copy.attach(scope);
            copies.add(copy);
        }
    }

    boolean isEmpty() {
        return copies.isEmpty();
    }

    /**
     * Puts the copied values back into the model's parameters, once: each parameter takes over its copy's
     * native tensor. (NDArray.copyTo goes through a host buffer and makes libtorch print a deprecation
     * warning on the terminal.)
     */
    void restore() {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).getArray().intern(copies.get(i));
        }
        copies.clear();
        restored = true;
    }

    /** True once {@link #restore()} has put a copy back. */
    boolean isRestored() {
        return restored;
    }

    @Override
    public void close() {
        copies.clear();
        if (scope != null) {
            scope.close();
            scope = null;
        }
    }
}
