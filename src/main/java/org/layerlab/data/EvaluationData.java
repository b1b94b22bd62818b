package org.layerlab.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Samples;
import org.layerlab.core.data.TokenFeatures;
import org.layerlab.core.training.ModelInfo;

/**
 * Which samples of some data a model is measured on, and a sentence saying which. The labels of
 * {@code samples} are indices into the model's class names, and so are those of {@code dataset}, whose
 * test part is {@code samples}.
 */
public record EvaluationData(Samples samples, Dataset dataset, String description) {

    /**
     * Loads the data of {@code request}; for the data the model was trained on (ModelInfo.trainedOn) its test
     * rows under the model's own split, else every sample. Refuses data whose classes or input shape do not
     * fit the model, with a sentence naming both. A model that does not record its data (saved before models
     * did) is measured on the test rows under its split, as evaluation did before.
     */
    public static EvaluationData load(ModelInfo model, DataRequest request) throws DataLoadException {
        return load(model, request, true);
    }

    /**
     * Loads as above; a folder of class folders of images, for a model trained on MNIST-like digits, is
     * prepared as the training digits were (inverted, cropped, centred) when {@code prepareImages} is on.
     */
    public static EvaluationData load(ModelInfo model, DataRequest request, boolean prepareImages)
            throws DataLoadException {
        DataRequest fitted = fitTo(model, request);
        Dataset data = DataLoading.load(fitted);
        if (data.kind() != model.dataKind()) {
            throw new DataLoadException(data.name() + " holds " + kind(data.kind()) + " but the model reads "
                    + kind(model.dataKind()) + trainedOn(model) + "; give it data of that kind.");
        }
        int[] toModel = ClassMapping.of(model, data);
        if (model.trainedOn(data.name(), data.totalCount())) {
            return ownTestRows(model, data, toModel, "(the model's own split)");
        }
        if (model.dataSamples() == 0) {
            // Models saved before they recorded their data: every sample might include their training rows.
            return ownTestRows(model, data, toModel, "under the model's split (the model does not record its data)");
        }
        return everySample(model, fitted, data, toModel, prepareImages);
    }

    /** The model decides how data is read: its split, its image size and colours, its kind of table, its label. */
    private static DataRequest fitTo(ModelInfo model, DataRequest request) {
        DataRequest fitted = request.withSplit(model.split());
        boolean guessFormat = request.format() == DataFormat.AUTO && isFile(request.source());
        if (guessFormat && model.dataKind() != DataKind.IMAGE) {
            // Short sentences would otherwise be taken for a table of measurements, or the other way round.
            fitted = fitted.withFormat(model.dataKind() == DataKind.TEXT ? DataFormat.TEXT : DataFormat.CSV);
        }
        if (model.preprocessing() instanceof Preprocessing.Image image) {
            // A request holds one size for both sides; other shapes are read at their own size and checked.
            int size = image.height() == image.width() ? image.height() : 0;
            fitted = fitted.withImages(size, image.channels() == 1);
        }
        if (model.preprocessing() instanceof Preprocessing.Tabular tabular && request.labelColumn() == null) {
            fitted = fitted.withLabelColumn(tabular.labelColumn());
        }
        return fitted;
    }

    /** A file, not a folder or a bundled sample (whose format the catalogue gives). */
    private static boolean isFile(String source) {
        if (source == null || source.regionMatches(true, 0, SampleCatalog.PREFIX, 0, SampleCatalog.PREFIX.length())) {
            return false;
        }
        try {
            return Files.isRegularFile(Path.of(source));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static EvaluationData ownTestRows(ModelInfo model, Dataset data, int[] toModel, String which)
            throws DataLoadException {
        checkShape(model, data);
        if (data.test().count() == 0) {
            throw new DataLoadException(data.name() + " is (or may be) the data this model was trained on, and its "
                    + "split kept no test samples (test share " + model.split().testFraction()
                    + "); evaluate it on other "
                    + "data.");
        }
        Samples test = relabel(data.test(), toModel);
        Dataset measured = data;
        if (!data.classNames().equals(model.classNames())) {
            measured = asModelSees(model, data, test, data.notes());
        }
        return new EvaluationData(
                test,
                measured,
                String.format(Locale.ROOT, "the %,d test samples of %s %s", test.count(), data.name(), which));
    }

    private static EvaluationData everySample(
            ModelInfo model, DataRequest request, Dataset data, int[] toModel, boolean prepareImages)
            throws DataLoadException {
        List<String> notes = new ArrayList<>();
        Samples all;
        if (data.kind() == DataKind.IMAGE) {
            checkShape(model, data);
            all = relabel(joined(List.of(data.train(), data.validation(), data.test())), toModel);
            notes.addAll(data.notes());
            if (prepareImages) {
                all = preparedAgain(model, request, data, toModel, notes).orElse(all);
            }
        } else {
            // Tables and sentences are read again from their files, prepared as the model's own data was.
            all = readAgain(model, request, notes);
        }
        return new EvaluationData(
                all,
                asModelSees(model, data, all, notes),
                String.format(Locale.ROOT, "all %,d samples of %s", all.count(), data.name()));
    }

    /**
     * A folder of class folders read again as {@code predict} reads it, each image prepared as the model's
     * MNIST-like training digits were; empty for other models and data (IDX files are MNIST's own format).
     */
    private static Optional<Samples> preparedAgain(
            ModelInfo model, DataRequest request, Dataset data, int[] toModel, List<String> notes)
            throws DataLoadException {
        if (!(model.preprocessing() instanceof Preprocessing.Image image)
                || !image.digitLike()
                || request.source() == null
                || request.source().regionMatches(true, 0, SampleCatalog.PREFIX, 0, SampleCatalog.PREFIX.length())) {
            return Optional.empty();
        }
        Path folder;
        try {
            folder = Path.of(request.source());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (!Files.isDirectory(folder) || !InputReader.holdsClassFolders(folder)) {
            return Optional.empty();
        }
        InputReader.Inputs inputs = InputReader.read(folder, image, MissingValues.DROP, true);
        if (!inputs.labelled() || inputs.names().size() != data.totalCount()) {
            return Optional.empty();
        }
        int[] labels = new int[inputs.expected().size()];
        for (int i = 0; i < labels.length; i++) {
            int index = data.classNames().indexOf(inputs.expected().get(i));
            if (index < 0) {
                return Optional.empty();
            }
            labels[i] = toModel[index];
        }
        notes.removeIf(n -> n.startsWith("Read ") && n.contains(" resized to "));
        notes.addAll(inputs.notes());
        return Optional.of(new Samples(inputs.features(), labels));
    }

    private static Samples readAgain(ModelInfo model, DataRequest request, List<String> notes)
            throws DataLoadException {
        List<Samples> parts = new ArrayList<>();
        TableSource source = TableSource.of(request);
        for (Path file : source.files()) {
            DataTable table = TableReader.read(file, notes);
            InputReader.Inputs inputs;
            if (model.preprocessing() instanceof Preprocessing.Text text) {
                String textColumn = TextLoader.textColumn(file, table, source.textColumn());
                String label = LabelChoice.of(file, table.columnNames(), source.labelColumn(), textColumn)
                        .column();
                inputs = InputReader.labelledSentences(file, table, text, textColumn, label, notes);
            } else {
                Preprocessing.Tabular tabular = (Preprocessing.Tabular) model.preprocessing();
                String label = LabelChoice.of(file, table.columnNames(), source.labelColumn(), null)
                        .column();
                inputs = InputReader.labelledRows(file, table, tabular, label, request.missing(), notes);
            }
            parts.add(new Samples(inputs.features(), ClassMapping.indices(file, model, inputs.expected())));
        }
        return joined(parts);
    }

    private static void checkShape(ModelInfo model, Dataset data) throws DataLoadException {
        if (!Arrays.equals(data.inputShape(), model.inputShape())) {
            throw new DataLoadException(data.name() + " gives input " + shape(data.inputShape())
                    + " but the model reads " + shape(model.inputShape()) + trainedOn(model)
                    + "; give it data of that shape.");
        }
    }

    /** The data with the model's classes and preparation, {@code samples} as its test part. */
    private static Dataset asModelSees(ModelInfo model, Dataset data, Samples samples, List<String> notes) {
        Samples none = samples.subset(new int[0]);
        return new Dataset(
                data.name(),
                model.dataKind(),
                model.inputShape(),
                model.classNames(),
                none,
                none,
                samples,
                model.preprocessing(),
                data.split(),
                notes);
    }

    private static Samples relabel(Samples samples, int[] toModel) {
        int[] labels = new int[samples.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = toModel[samples.labels()[i]];
        }
        return new Samples(samples.features(), labels);
    }

    /** The samples of each part, one part after the other. */
    private static Samples joined(List<Samples> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int count = parts.stream().mapToInt(Samples::count).sum();
        int size = parts.get(0).features().sampleSize();
        int[] labels = new int[count];
        int at = 0;
        for (Samples part : parts) {
            System.arraycopy(part.labels(), 0, labels, at, part.count());
            at += part.count();
        }
        FeatureStore first = parts.get(0).features();
        if (first instanceof ByteFeatures) {
            byte[] values = new byte[count * size];
            copy(parts, values, p -> ((ByteFeatures) p).data());
            return new Samples(new ByteFeatures(values, size), labels);
        }
        if (first instanceof FloatFeatures) {
            float[] values = new float[count * size];
            copy(parts, values, p -> ((FloatFeatures) p).data());
            return new Samples(new FloatFeatures(values, size), labels);
        }
        int[] values = new int[count * size];
        copy(parts, values, p -> ((TokenFeatures) p).data());
        return new Samples(new TokenFeatures(values, size), labels);
    }

    /** Copies each part's flat array (byte[], float[] or int[]) into {@code target}, one after the other. */
    private static void copy(List<Samples> parts, Object target, Function<FeatureStore, Object> values) {
        int at = 0;
        for (Samples part : parts) {
            int length = part.count() * part.features().sampleSize();
            System.arraycopy(values.apply(part.features()), 0, target, at, length);
            at += length;
        }
    }

    private static String kind(DataKind kind) {
        return switch (kind) {
            case IMAGE -> "images";
            case TABULAR -> "table rows";
            case TEXT -> "sentences";
        };
    }

    static String shape(int[] shape) {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }

    static String trainedOn(ModelInfo model) {
        return model.dataName().isEmpty() ? "" : " (it was trained on " + model.dataName() + ")";
    }

    /** How the data's classes become the model's: by name, so that another order or fewer classes still fit. */
    private static final class ClassMapping {
        private ClassMapping() {}

        /** For each class of {@code data}, the index of the model's class of that name. */
        static int[] of(ModelInfo model, Dataset data) throws DataLoadException {
            int[] toModel = new int[data.classCount()];
            for (int c = 0; c < toModel.length; c++) {
                toModel[c] = model.classNames().indexOf(data.classNames().get(c));
                if (toModel[c] < 0) {
                    throw new DataLoadException(data.name() + " has the classes " + data.classNames()
                            + " but the model knows " + model.classNames() + trainedOn(model) + ": '"
                            + data.classNames().get(c) + "' is not one of them; give it data labelled with the "
                            + "model's classes.");
                }
            }
            return toModel;
        }

        /** The model's index of each label. */
        static int[] indices(Path file, ModelInfo model, List<String> labels) throws DataLoadException {
            int[] indices = new int[labels.size()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = model.classNames().indexOf(labels.get(i));
                if (indices[i] < 0) {
                    throw new DataLoadException(file + ": has the label '" + labels.get(i) + "', which is not one of "
                            + "the model's classes " + model.classNames() + "; fix or remove that row.");
                }
            }
            return indices;
        }
    }

    /** The table files behind a request (a bundled sample may have a separate test file) and its columns. */
    private record TableSource(List<Path> files, String labelColumn, String textColumn) {

        static TableSource of(DataRequest request) throws DataLoadException {
            String source = request.source();
            if (!source.regionMatches(true, 0, SampleCatalog.PREFIX, 0, SampleCatalog.PREFIX.length())) {
                return new TableSource(List.of(Path.of(source)), request.labelColumn(), request.textColumn());
            }
            String name = source.substring(SampleCatalog.PREFIX.length());
            SampleCatalog.Sample sample = SampleCatalog.find(name)
                    .orElseThrow(() -> new DataLoadException("There is no sample '" + name + "'."));
            Path root = SampleCatalog.root();
            List<Path> files = new ArrayList<>(List.of(root.resolve(sample.path())));
            if (sample.testPath() != null) {
                files.add(root.resolve(sample.testPath()));
            }
            return new TableSource(
                    files,
                    Optional.ofNullable(request.labelColumn()).orElse(sample.labelColumn()),
                    Optional.ofNullable(request.textColumn()).orElse(sample.textColumn()));
        }
    }
}
