package org.layerlab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.TokenFeatures;

/**
 * Reads new input for a saved model, prepared exactly as its training data was: an image, a folder of
 * images or of class folders, a CSV with the model's feature columns, or a text file with one sentence per
 * line. Evaluation on other labelled data reads its tables here too, so that they are prepared the same way.
 */
public final class InputReader {

    /**
     * The prepared inputs, a short name for each (file name, "line N" or the sentence), where the input says
     * it the class each should be ({@code expected}, empty when it does not), and {@code notes} on what was
     * read other than as written (one line each).
     */
    public record Inputs(FeatureStore features, List<String> names, List<String> expected, List<String> notes) {
        public Inputs {
            names = List.copyOf(names);
            expected = List.copyOf(expected);
            notes = List.copyOf(notes);
        }

        public Inputs(FeatureStore features, List<String> names, List<String> expected) {
            this(features, names, expected, List.of());
        }

        public Inputs(FeatureStore features, List<String> names) {
            this(features, names, List.of());
        }

        public boolean labelled() {
            return !expected.isEmpty();
        }
    }

    private InputReader() {}

    /** Reads {@code file}; a table row with an empty cell is refused. */
    public static Inputs read(Path file, Preprocessing preprocessing) throws DataLoadException {
        return read(file, preprocessing, MissingValues.DROP);
    }

    /**
     * Reads {@code file}; with {@link MissingValues#FILL} the empty cells of table rows are filled as
     * training filled them (the training mean, or no category), otherwise such a row is refused.
     */
    public static Inputs read(Path file, Preprocessing preprocessing, MissingValues missing) throws DataLoadException {
        return read(file, preprocessing, missing, true);
    }

    /**
     * Reads {@code file} as above; images for a model trained on MNIST-like data are prepared as its training
     * images were made when {@code prepareImages} is on (see {@link ImageFiles#prepare}), else only resized.
     */
    public static Inputs read(Path file, Preprocessing preprocessing, MissingValues missing, boolean prepareImages)
            throws DataLoadException {
        if (!Files.exists(file)) {
            throw new DataLoadException(file + ": no such file or folder; check the path.");
        }
        if (preprocessing instanceof Preprocessing.Image image) {
            return images(file, image, prepareImages);
        }
        if (preprocessing instanceof Preprocessing.Text text) {
            return sentences(file, text);
        }
        return rows(file, (Preprocessing.Tabular) preprocessing, missing);
    }

    private static Inputs images(Path file, Preprocessing.Image image, boolean prepare) throws DataLoadException {
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        if (!Files.isDirectory(file)) {
            files.add(file);
            names.add(file.getFileName().toString());
        } else {
            List<Path> direct = imagesIn(file);
            if (!direct.isEmpty()) {
                files.addAll(direct);
                direct.forEach(f -> names.add(f.getFileName().toString()));
            } else {
                // A folder of class folders: the folder's name is the class each image should be.
                for (Path classFolder : subFolders(file)) {
                    String className = classFolder.getFileName().toString();
                    for (Path f : imagesIn(classFolder)) {
                        files.add(f);
                        names.add(className + "/" + f.getFileName());
                        expected.add(className);
                    }
                }
            }
            if (files.isEmpty()) {
                throw new DataLoadException(file + ": holds no PNG, JPEG, GIF or BMP images, neither itself nor in "
                        + "class sub-folders.");
            }
        }
        int size = image.channels() * image.height() * image.width();
        byte[] pixels = new byte[files.size() * size];
        ImageConversions conversions = new ImageConversions(image);
        for (int i = 0; i < files.size(); i++) {
            BufferedImage read = ImageFiles.read(files.get(i));
            conversions.count(read, ImageFiles.prepare(read, image, prepare, pixels, i * size));
        }
        List<String> notes =
                files.size() == 1 && !Files.isDirectory(file) ? conversions.notes(names.get(0)) : conversions.notes();
        return new Inputs(new ByteFeatures(pixels, size), names, expected, notes);
    }

    /** Whether {@code folder} holds no images itself but class folders of them (as predict reads it). */
    static boolean holdsClassFolders(Path folder) throws DataLoadException {
        return imagesIn(folder).isEmpty() && !subFolders(folder).isEmpty();
    }

    /** The image files of a folder in file-name order; other and hidden files are passed over. */
    private static List<Path> imagesIn(Path folder) throws DataLoadException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !hidden(p))
                    .filter(ImageFiles::looksLikeImage)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DataLoadException(folder + ": cannot be listed (" + e.getMessage() + ").", e);
        }
    }

    private static List<Path> subFolders(Path folder) throws DataLoadException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !hidden(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DataLoadException(folder + ": cannot be listed (" + e.getMessage() + ").", e);
        }
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static Inputs sentences(Path file, Preprocessing.Text text) throws DataLoadException {
        if (Files.isDirectory(file)) {
            throw new DataLoadException(
                    file + ": is a folder, but this model reads a text file with one sentence " + "per line.");
        }
        refuseBinary(file, "text; give a UTF-8 text file with one sentence per line");
        List<String> lines;
        try {
            lines = TextFiles.lines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new DataLoadException(file + ": cannot be read as UTF-8 text (" + e.getMessage() + ").", e);
        }
        if (lines.isEmpty()) {
            throw new DataLoadException(file + ": is empty; write one sentence per line.");
        }
        return encodeSentences(lines, text, List.of());
    }

    /**
     * The sentences of {@code rows} in a table with their labels, for evaluation; {@code notes} is told of
     * rows left out for a missing sentence or label.
     */
    static Inputs labelledSentences(
            Path file,
            DataTable table,
            Preprocessing.Text text,
            String textColumn,
            String labelColumn,
            List<String> notes)
            throws DataLoadException {
        List<Integer> rows =
                TableColumns.usableRows(file, table, labelColumn, List.of(textColumn), MissingValues.DROP, notes);
        List<String> sentences = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int row : rows) {
            sentences.add(table.column(textColumn).getString(row));
            expected.add(TableColumns.cell(table.column(labelColumn), row));
        }
        return encodeSentences(sentences, text, expected);
    }

    private static Inputs encodeSentences(List<String> sentences, Preprocessing.Text text, List<String> expected) {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < text.vocabulary().size(); i++) {
            ids.put(text.vocabulary().get(i), i);
        }
        int length = text.sequenceLength();
        int[] tokens = new int[sentences.size() * length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i);
            Tokenizer.encode(Tokenizer.words(sentence), ids, length, tokens, i * length);
            names.add(sentence.length() > 50 ? sentence.substring(0, 47) + "..." : sentence);
        }
        return new Inputs(new TokenFeatures(tokens, length), names, expected);
    }

    private static Inputs rows(Path file, Preprocessing.Tabular prep, MissingValues missing) throws DataLoadException {
        if (Files.isDirectory(file)) {
            throw new DataLoadException(file + ": is a folder, but this model reads a CSV file with the columns "
                    + prep.columns().stream().map(Preprocessing.Column::name).toList() + ".");
        }
        refuseBinary(file, "table rows (CSV); give a CSV with the columns " + columnList(prep));
        List<String> notes = new ArrayList<>();
        DataTable table = TableReader.read(file, notes);
        List<DataColumn> columns = featureColumns(file, table, prep);
        List<Integer> rows = new ArrayList<>();
        int filled = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            for (DataColumn column : columns) {
                if (column.isMissing(row) && missing == MissingValues.DROP) {
                    throw new DataLoadException(file + " line " + table.line(row) + ", column '" + column.name()
                            + "': has no value; fill it in, remove the line or let it be filled as in training "
                            + "(--fill-missing).");
                }
                filled += column.isMissing(row) ? 1 : 0;
            }
            rows.add(row);
        }
        if (filled > 0) {
            notes.add("Filled " + filled + (filled == 1 ? " empty cell" : " empty cells") + " of " + file.getFileName()
                    + " as training did: numbers with the training mean, text with no category.");
        }
        Inputs inputs = encodeRows(table, prep, columns, rows, null);
        return new Inputs(inputs.features(), inputs.names(), inputs.expected(), notes);
    }

    /** The model's columns for a message: the first eight, and how many there are in all. */
    private static String columnList(Preprocessing.Tabular prep) {
        List<String> names =
                prep.columns().stream().map(Preprocessing.Column::name).toList();
        String shown = String.join(", ", names.subList(0, Math.min(8, names.size())));
        return names.size() > 8 ? shown + ", … (" + names.size() + " in all)" : shown;
    }

    /** A binary file (an image given to a table or text model) is refused without quoting its bytes. */
    private static void refuseBinary(Path file, String expected) throws DataLoadException {
        try {
            if (TextFiles.looksBinary(file)) {
                throw new DataLoadException(file.getFileName() + ": is not text; this model reads " + expected + ".");
            }
        } catch (IOException e) {
            throw new DataLoadException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /**
     * The rows of a table with their labels, for evaluation: rows without a label are left out, rows with a
     * missing feature left out or filled as {@code missing} says; {@code notes} is told which.
     */
    static Inputs labelledRows(
            Path file,
            DataTable table,
            Preprocessing.Tabular prep,
            String labelColumn,
            MissingValues missing,
            List<String> notes)
            throws DataLoadException {
        List<DataColumn> columns = featureColumns(file, table, prep);
        List<String> featureNames = columns.stream().map(DataColumn::name).toList();
        List<Integer> rows = TableColumns.usableRows(file, table, labelColumn, featureNames, missing, notes);
        return encodeRows(table, prep, columns, rows, table.column(labelColumn));
    }

    /** The table's columns for the model's features, found by name whatever their case. */
    private static List<DataColumn> featureColumns(Path file, DataTable table, Preprocessing.Tabular prep)
            throws DataLoadException {
        List<DataColumn> columns = new ArrayList<>();
        for (Preprocessing.Column column : prep.columns()) {
            String name = column.name();
            DataColumn found = table.columnNames().stream()
                    .filter(n -> n.equalsIgnoreCase(name))
                    .findFirst()
                    .map(table::column)
                    .orElseThrow(() -> new DataLoadException(file + ": has no column '" + name
                            + "', which the model was trained on; its columns are "
                            + String.join(", ", table.columnNames()) + "."));
            if (!column.categorical()) {
                TableColumns.rejectMostlyNumeric(file, table, found);
                if (!(found instanceof NumberColumn)) {
                    throw new DataLoadException(file + ", column '" + name + "': holds text but the model expects "
                            + "numbers; fix the column.");
                }
            }
            columns.add(found);
        }
        return columns;
    }

    private static Inputs encodeRows(
            DataTable table,
            Preprocessing.Tabular prep,
            List<DataColumn> columns,
            List<Integer> rows,
            DataColumn label) {
        int width = prep.featureCount();
        float[] features = new float[rows.size() * width];
        List<String> names = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        String[] cells = new String[columns.size()];
        for (int r = 0; r < rows.size(); r++) {
            int row = rows.get(r);
            for (int c = 0; c < cells.length; c++) {
                DataColumn column = columns.get(c);
                cells[c] = column.isMissing(row) ? null : TableColumns.cell(column, row);
            }
            TabularEncoder.encode(prep, cells, features, r * width);
            names.add("line " + table.line(row));
            if (label != null) {
                expected.add(TableColumns.cell(label, row));
            }
        }
        return new Inputs(new FloatFeatures(features, width), names, expected);
    }
}
