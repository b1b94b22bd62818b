package org.layerlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Samples;

/**
 * Loads a table for classification: one label column, the others features. Numbers are standardised with
 * the mean and standard deviation of the training rows only (so validation and test stay unseen);
 * text columns become one-hot vectors over the values seen in training.
 */
public final class CsvLoader {

    /** Rows encoded together; see {@link #encode}. */
    private static final int BLOCK = 64;

    private CsvLoader() {}

    /** {@code readNotes} are what reading the file noted; they follow the note on the label column. */
    static Dataset load(Path file, DataTable table, List<String> readNotes, DataRequest request)
            throws DataLoadException {
        LabelChoice choice = LabelChoice.of(file, table.columnNames(), request.labelColumn(), null);
        String label = choice.column();
        List<String> featureNames = new ArrayList<>(table.columnNames());
        featureNames.remove(label);
        if (featureNames.isEmpty()) {
            throw new DataLoadException(file + ": has only the label column '" + label + "'; a table needs at least "
                    + "one feature column beside it.");
        }
        List<String> notes = new ArrayList<>(List.of(choice.note()));
        notes.addAll(readNotes);
        List<Integer> rows = TableColumns.usableRows(file, table, label, featureNames, request.missing(), notes);
        if (rows.size() < 3) {
            throw new DataLoadException(file + ": only " + rows.size() + " usable rows; LayerLab needs at least 3 "
                    + "to split into training, validation and test.");
        }
        List<String> classNames = TableColumns.classNames(table.column(label), rows);
        Map<String, Integer> classIndex = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            classIndex.put(classNames.get(i), i);
        }
        int[][] parts = request.split().assign(TableColumns.classesOf(table.column(label), rows, classNames), true);
        int[] trainRows = pick(rows, parts[0]);
        List<Preprocessing.Column> columns = new ArrayList<>();
        for (String name : featureNames) {
            columns.add(describe(file, table, table.column(name), trainRows));
        }
        Preprocessing.Tabular preprocessing = new Preprocessing.Tabular(label, columns);
        Samples[] samples = new Samples[3];
        for (int p = 0; p < 3; p++) {
            samples[p] = encode(table, pick(rows, parts[p]), label, preprocessing, classIndex);
        }
        int width = preprocessing.featureCount();
        return new Dataset(
                file.getFileName().toString(),
                DataKind.TABULAR,
                new int[] {width},
                classNames,
                samples[0],
                samples[1],
                samples[2],
                preprocessing,
                request.split(),
                notes);
    }

    private static int[] pick(List<Integer> rows, int[] positions) {
        int[] picked = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            picked[i] = rows.get(positions[i]);
        }
        return picked;
    }

    /** Training statistics of one feature column: mean and spread, or its categories. */
    private static Preprocessing.Column describe(Path file, DataTable table, DataColumn column, int[] trainRows)
            throws DataLoadException {
        if (column instanceof NumberColumn numbers) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (int row : trainRows) {
                if (!numbers.isMissing(row)) {
                    double v = numbers.getDouble(row);
                    sum += v;
                    squares += v * v;
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double variance = n == 0 ? 0 : Math.max(0, squares / n - mean * mean);
            double std = variance < 1e-12 ? 1 : Math.sqrt(variance);
            return new Preprocessing.Column(column.name(), mean, std, List.of());
        }
        TableColumns.rejectMostlyNumeric(file, table, column);
        return new Preprocessing.Column(column.name(), 0, 1, TableColumns.levels(column, trainRows));
    }

    /**
     * The rows' feature vectors, read from the columns' arrays (numbers are not turned into text and back).
     * Rows are encoded a block at a time, column by column, so that both the reads (along a column) and the
     * writes (across a block of rows) stay in the processor's cache.
     */
    private static Samples encode(
            DataTable table, int[] rows, String label, Preprocessing.Tabular prep, Map<String, Integer> classIndex) {
        int width = prep.featureCount();
        List<Preprocessing.Column> columns = prep.columns();
        List<DataColumn> cells = new ArrayList<>();
        List<Map<String, Integer>> levels = new ArrayList<>();
        for (Preprocessing.Column column : columns) {
            cells.add(table.column(column.name()));
            Map<String, Integer> index = new HashMap<>();
            for (int l = 0; l < column.levels().size(); l++) {
                index.put(column.levels().get(l), l);
            }
            levels.add(index);
        }
        float[] features = new float[rows.length * width];
        for (int from = 0; from < rows.length; from += BLOCK) {
            int to = Math.min(rows.length, from + BLOCK);
            int at = 0;
            for (int c = 0; c < columns.size(); c++) {
                Preprocessing.Column column = columns.get(c);
                if (cells.get(c) instanceof NumberColumn numbers) {
                    for (int r = from; r < to; r++) {
                        features[r * width + at] = TabularEncoder.standardised(column, numbers.getDouble(rows[r]));
                    }
                } else {
                    DataColumn text = cells.get(c);
                    for (int r = from; r < to; r++) {
                        int level = text.isMissing(rows[r])
                                ? -1
                                : levels.get(c).getOrDefault(TableColumns.cell(text, rows[r]), -1);
                        TabularEncoder.oneHot(column, level, features, r * width + at);
                    }
                }
                at += column.width();
            }
        }
        int[] labels = new int[rows.length];
        DataColumn labelColumn = table.column(label);
        for (int r = 0; r < rows.length; r++) {
            labels[r] = classIndex.get(TableColumns.cell(labelColumn, rows[r]));
        }
        return new Samples(new FloatFeatures(features, width), labels);
    }
}
