package org.layerlab.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads new input for a saved model, prepared exactly as its training data was: an image or a folder of
 * images, a CSV with the model's feature columns, or a text file with one sentence per line.
 */
public final class InputReader {

    /** The prepared inputs and a short name for each (file name, row or line number). */
    public record Inputs(FeatureStore features, List<String> names) {}

    private InputReader() {}

    public static Inputs read(Path file, Preprocessing preprocessing) throws DataLoadException {
        if (!Files.exists(file)) {
            throw new DataLoadException(file + ": no such file or folder; check the path.");
        }
        if (preprocessing instanceof Preprocessing.Image image) {
            return images(file, image);
        }
        if (preprocessing instanceof Preprocessing.Text text) {
            return sentences(file, text);
        }
        return rows(file, (Preprocessing.Tabular) preprocessing);
    }

    private static Inputs images(Path file, Preprocessing.Image image) throws DataLoadException {
        List<Path> files;
        if (Files.isDirectory(file)) {
            try (Stream<Path> entries = Files.list(file)) {
                files = entries.filter(ImageFiles::looksLikeImage).sorted().toList();
            } catch (IOException e) {
                throw new DataLoadException(file + ": cannot be listed (" + e.getMessage() + ").", e);
            }
            if (files.isEmpty()) {
                throw new DataLoadException(file + ": holds no PNG, JPEG, GIF or BMP images.");
            }
        } else {
            files = List.of(file);
        }
        int size = image.channels() * image.height() * image.width();
        byte[] pixels = new byte[files.size() * size];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ImageFiles.toBytes(
                    ImageFiles.read(files.get(i)), image.channels(), image.height(), image.width(), pixels, i * size);
            names.add(files.get(i).getFileName().toString());
        }
        return new Inputs(new ByteFeatures(pixels, size), names);
    }

    private static Inputs sentences(Path file, Preprocessing.Text text) throws DataLoadException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new DataLoadException(file + ": cannot be read as UTF-8 text (" + e.getMessage() + ").", e);
        }
        if (lines.isEmpty()) {
            throw new DataLoadException(file + ": is empty; write one sentence per line.");
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < text.vocabulary().size(); i++) {
            ids.put(text.vocabulary().get(i), i);
        }
        int length = text.sequenceLength();
        int[] tokens = new int[lines.size() * length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Tokenizer.encode(Tokenizer.words(lines.get(i)), ids, length, tokens, i * length);
            String line = lines.get(i);
            names.add(line.length() > 50 ? line.substring(0, 47) + "..." : line);
        }
        return new Inputs(new TokenFeatures(tokens, length), names);
    }

    private static Inputs rows(Path file, Preprocessing.Tabular prep) throws DataLoadException {
        if (Files.isDirectory(file)) {
            throw new DataLoadException(file + ": is a folder, but this model reads a CSV file with the columns "
                    + prep.columns().stream().map(Preprocessing.Column::name).toList() + ".");
        }
        Table table = TableReader.read(file);
        List<Column<?>> columns = new ArrayList<>();
        for (Preprocessing.Column column : prep.columns()) {
            String name = column.name();
            Column<?> found = table.columnNames().stream()
                    .filter(n -> n.equalsIgnoreCase(name))
                    .findFirst()
                    .map(table::column)
                    .orElseThrow(() -> new DataLoadException(file + ": has no column '" + name
                            + "', which the model was trained on; its columns are "
                            + String.join(", ", table.columnNames()) + "."));
            if (!column.categorical()) {
                TableColumns.rejectMostlyNumeric(file, found);
                if (!(found instanceof tech.tablesaw.api.NumericColumn<?>)) {
                    throw new DataLoadException(file + ", column '" + name + "': holds text but the model expects "
                            + "numbers; fix the column.");
                }
            }
            columns.add(found);
        }
        int width = prep.featureCount();
        float[] features = new float[table.rowCount() * width];
        List<String> names = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            String[] cells = new String[columns.size()];
            for (int c = 0; c < cells.length; c++) {
                Column<?> column = columns.get(c);
                cells[c] = column.isMissing(row) ? null : TableColumns.cell(column, row);
            }
            TabularEncoder.encode(prep, cells, features, row * width);
            names.add("line " + (row + 2));
        }
        return new Inputs(new FloatFeatures(features, width), names);
    }
}
