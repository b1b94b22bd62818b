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
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Loads a table for classification: one label column, the others features. Numbers are standardised with
 * the mean and standard deviation of the training rows only (so validation and test stay unseen);
 * text columns become one-hot vectors over the values seen in training.
 */
public final class CsvLoader {

    private CsvLoader() {}

    /** {@code readNotes} are what reading the file noted; they follow the note on the label column. */
    static Dataset load(Path file, Table table, List<String> readNotes, DataRequest request) throws DataLoadException {
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
        List<Integer> trainRows = pick(rows, parts[0]);
        List<Preprocessing.Column> columns = new ArrayList<>();
        for (String name : featureNames) {
            columns.add(describe(file, table.column(name), trainRows));
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

    private static List<Integer> pick(List<Integer> rows, int[] positions) {
        List<Integer> picked = new ArrayList<>(positions.length);
        for (int position : positions) {
            picked.add(rows.get(position));
        }
        return picked;
    }

    /** Training statistics of one feature column: mean and spread, or its categories. */
    private static Preprocessing.Column describe(Path file, Column<?> column, List<Integer> trainRows)
            throws DataLoadException {
        if (column instanceof NumericColumn<?> numbers) {
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
        TableColumns.rejectMostlyNumeric(file, column);
        return new Preprocessing.Column(column.name(), 0, 1, TableColumns.levels(column, trainRows));
    }

    private static Samples encode(
            Table table,
            List<Integer> rows,
            String label,
            Preprocessing.Tabular prep,
            Map<String, Integer> classIndex) {
        int width = prep.featureCount();
        float[] features = new float[rows.size() * width];
        int[] labels = new int[rows.size()];
        Column<?> labelColumn = table.column(label);
        List<Column<?>> columns = new ArrayList<>();
        for (Preprocessing.Column column : prep.columns()) {
            columns.add(table.column(column.name()));
        }
        String[] cells = new String[columns.size()];
        for (int r = 0; r < rows.size(); r++) {
            int row = rows.get(r);
            for (int c = 0; c < cells.length; c++) {
                Column<?> column = columns.get(c);
                cells[c] = column.isMissing(row) ? null : TableColumns.cell(column, row);
            }
            TabularEncoder.encode(prep, cells, features, r * width);
            labels[r] = classIndex.get(TableColumns.cell(labelColumn, row));
        }
        return new Samples(new FloatFeatures(features, width), labels);
    }
}
