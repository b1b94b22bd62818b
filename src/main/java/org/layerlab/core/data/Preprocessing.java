package org.layerlab.core.data;

import java.util.List;

/**
 * How raw input becomes the numbers a model was trained on. Saved with a model so that a prediction on a
 * new file is prepared exactly as the training data was.
 */
public sealed interface Preprocessing {

    /** The numbers one prepared sample holds: what the model's input must hold too. */
    default long valuesPerSample() {
        if (this instanceof Tabular table) {
            return table.featureCount();
        }
        if (this instanceof Image image) {
            return (long) image.channels() * image.height() * image.width();
        }
        return ((Text) this).sequenceLength();
    }

    /** Numeric columns standardised with training statistics, categorical columns one-hot encoded. */
    record Tabular(String labelColumn, List<Column> columns) implements Preprocessing {
        public Tabular {
            columns = List.copyOf(columns);
        }

        public int featureCount() {
            return columns.stream().mapToInt(Column::width).sum();
        }
    }

    /** One input column: numeric when {@code levels} is empty, else categorical with these levels. */
    record Column(String name, double mean, double std, List<String> levels) {
        public Column {
            levels = List.copyOf(levels);
        }

        public boolean categorical() {
            return !levels.isEmpty();
        }

        public int width() {
            return categorical() ? levels.size() : 1;
        }
    }

    /**
     * Images resized to height × width with 1 (grey) or 3 (RGB) channels, pixels scaled to [0, 1]; {@code
     * frame} says how the training images held their content (MNIST-like digits are prepared as they were).
     */
    record Image(int channels, int height, int width, ContentFrame frame) implements Preprocessing {
        public Image {
            java.util.Objects.requireNonNull(frame, "frame");
        }

        /** Images whose content was not measured: a new input is only resized. */
        public Image(int channels, int height, int width) {
            this(channels, height, width, ContentFrame.UNMEASURED);
        }

        /** Whether a new input is prepared as MNIST's digits were, rather than only resized. */
        public boolean digitLike() {
            return frame.digitLike(channels, height, width);
        }
    }

    /** Words mapped through the training vocabulary (index = id) and padded or cut to a fixed length. */
    record Text(List<String> vocabulary, int sequenceLength) implements Preprocessing {
        public Text {
            vocabulary = List.copyOf(vocabulary);
        }
    }
}
