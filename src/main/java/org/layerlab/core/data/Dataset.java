package org.layerlab.core.data;

import java.util.List;

/**
 * Data ready for training: three parts made by {@code split}, the shape of one sample (without the batch
 * axis), the class names and how raw input was prepared. {@code notes} tells the student what the loader
 * did on their behalf, such as rows dropped for missing values.
 */
public record Dataset(
        String name,
        DataKind kind,
        int[] inputShape,
        List<String> classNames,
        Samples train,
        Samples validation,
        Samples test,
        Preprocessing preprocessing,
        Split split,
        List<String> notes) {

    public Dataset {
        classNames = List.copyOf(classNames);
        notes = List.copyOf(notes);
        inputShape = inputShape.clone();
    }

    public int classCount() {
        return classNames.size();
    }

    public int totalCount() {
        return train.count() + validation.count() + test.count();
    }
}
