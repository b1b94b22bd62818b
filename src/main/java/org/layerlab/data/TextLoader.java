package org.layerlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Samples;
import org.layerlab.core.data.TokenFeatures;

/**
 * Loads sentences with labels from a CSV or TSV. The vocabulary (the most frequent training words, ids from
 * 2; 0 pads, 1 stands for an unknown word) comes from the training split only, and every sentence becomes
 * a fixed-length row of ids, long enough for 95 % of the training sentences.
 */
public final class TextLoader {
    static final int MAX_VOCABULARY = 10_000;
    private static final int MAX_LENGTH = 200;

    private TextLoader() {}

    /** Loads {@code file}; when {@code testFile} is given it is the test set and no test rows are held out. */
    public static Dataset load(Path file, Path testFile, DataRequest request) throws DataLoadException {
        List<String> readNotes = new ArrayList<>();
        return load(file, TableReader.read(file, readNotes), readNotes, testFile, request);
    }

    /** {@code readNotes} are what reading the file noted; they follow the note on the label column. */
    static Dataset load(Path file, DataTable table, List<String> readNotes, Path testFile, DataRequest request)
            throws DataLoadException {
        String textColumn = textColumn(file, table, request.textColumn());
        LabelChoice choice = LabelChoice.of(file, table.columnNames(), request.labelColumn(), textColumn);
        String label = choice.column();
        List<String> notes = new ArrayList<>(List.of(choice.note()));
        notes.addAll(readNotes);
        List<Integer> rows =
                TableColumns.usableRows(file, table, label, List.of(textColumn), MissingValues.DROP, notes);
        List<String> classNames = TableColumns.classNames(table.column(label), rows);
        DataTable testTable = testFile == null ? null : TableReader.read(testFile, notes);
        int[][] parts = request.split()
                .assign(TableColumns.classesOf(table.column(label), rows, classNames), testTable == null);
        List<List<String>> trainWords = new ArrayList<>();
        for (int position : parts[0]) {
            trainWords.add(Tokenizer.words(table.column(textColumn).getString(rows.get(position))));
        }
        List<String> vocabulary = vocabulary(trainWords);
        int length = sequenceLength(trainWords);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            ids.put(vocabulary.get(i), i);
        }
        Map<String, Integer> classIndex = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            classIndex.put(classNames.get(i), i);
        }
        Samples train = encode(file, table, select(rows, parts[0]), textColumn, label, ids, length, classIndex);
        Samples validation = encode(file, table, select(rows, parts[1]), textColumn, label, ids, length, classIndex);
        Samples test;
        if (testTable == null) {
            test = encode(file, table, select(rows, parts[2]), textColumn, label, ids, length, classIndex);
        } else {
            String testText = textColumn(testFile, testTable, textColumn);
            String testLabel = TableColumns.named(testFile, testTable.columnNames(), label);
            List<Integer> testRows = TableColumns.usableRows(
                    testFile, testTable, testLabel, List.of(testText), MissingValues.DROP, notes);
            test = encode(testFile, testTable, testRows, testText, testLabel, ids, length, classIndex);
            notes.add("Kept the given test set " + testFile.getFileName() + " (" + test.count() + " sentences).");
        }
        notes.add("Vocabulary of " + vocabulary.size() + " words from the training sentences; each sentence padded "
                + "or cut to " + length + " words.");
        return new Dataset(
                file.getFileName().toString(),
                DataKind.TEXT,
                new int[] {length},
                classNames,
                train,
                validation,
                test,
                new Preprocessing.Text(vocabulary, length),
                request.split(),
                notes);
    }

    /** The named text column, or the column whose cells are longest on average. */
    static String textColumn(Path file, DataTable table, String requested) throws DataLoadException {
        if (requested != null && !requested.isBlank()) {
            return TableColumns.named(file, table.columnNames(), requested);
        }
        String best = null;
        double bestLength = 0;
        for (DataColumn column : table.columns()) {
            double total = 0;
            int n = Math.min(column.size(), 200);
            for (int row = 0; row < n; row++) {
                total += column.isMissing(row) ? 0 : column.getString(row).length();
            }
            if (n > 0 && total / n > bestLength) {
                bestLength = total / n;
                best = column.name();
            }
        }
        return best;
    }

    private static List<Integer> select(List<Integer> rows, int[] positions) {
        List<Integer> picked = new ArrayList<>();
        for (int p : positions) {
            picked.add(rows.get(p));
        }
        return picked;
    }

    private static List<String> vocabulary(List<List<String>> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> words : sentences) {
            for (String word : words) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        List<String> words = new ArrayList<>(counts.keySet());
        words.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(Comparator.naturalOrder()));
        List<String> vocabulary = new ArrayList<>(List.of("<pad>", "<unknown>"));
        vocabulary.addAll(words.subList(0, Math.min(words.size(), MAX_VOCABULARY - 2)));
        return vocabulary;
    }

    private static int sequenceLength(List<List<String>> sentences) {
        int[] lengths = sentences.stream().mapToInt(List::size).sorted().toArray();
        if (lengths.length == 0) {
            return 1;
        }
        int p95 = lengths[(int) Math.floor(0.95 * (lengths.length - 1))];
        return Math.max(1, Math.min(MAX_LENGTH, p95));
    }

    private static Samples encode(
            Path file,
            DataTable table,
            List<Integer> rows,
            String textColumn,
            String label,
            Map<String, Integer> ids,
            int length,
            Map<String, Integer> classIndex)
            throws DataLoadException {
        int[] tokens = new int[rows.size() * length];
        int[] labels = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            int row = rows.get(r);
            Tokenizer.encode(Tokenizer.words(table.column(textColumn).getString(row)), ids, length, tokens, r * length);
            String value = TableColumns.cell(table.column(label), row);
            Integer cls = classIndex.get(value);
            if (cls == null) {
                throw new DataLoadException(file + " line " + table.line(row) + ": label '" + value
                        + "' does not occur " + "in the training data (" + String.join(", ", classIndex.keySet())
                        + "); fix the label.");
            }
            labels[r] = cls;
        }
        return new Samples(new TokenFeatures(tokens, length), labels);
    }
}
