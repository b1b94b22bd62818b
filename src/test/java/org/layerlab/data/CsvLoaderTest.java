package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Split;

class CsvLoaderTest {
    @TempDir
    Path folder;

    private Path csv(String text) throws Exception {
        Path file = folder.resolve("data-" + System.nanoTime() + ".csv");
        Files.writeString(file, text);
        return file;
    }

    private static DataRequest request(Path file) {
        return DataRequest.of(file.toString()).withFormat(DataFormat.CSV).withSplit(new Split(0.2, 0.2, 3));
    }

    private static String rows(int n) {
        StringBuilder text = new StringBuilder("size,colour,kind\n");
        for (int i = 0; i < n; i++) {
            text.append(i)
                    .append(',')
                    .append(i % 2 == 0 ? "red" : "blue")
                    .append(',')
                    .append(i < n / 2 ? "small" : "large")
                    .append('\n');
        }
        return text.toString();
    }

    @Test
    void standardisesWithTrainingStatisticsOnlyAndOneHotEncodesText() throws Exception {
        Dataset data = DataLoading.load(request(csv(rows(50))).withLabelColumn("kind"));
        assertEquals(List.of("large", "small"), data.classNames());
        assertEquals(30, data.train().count());
        Preprocessing.Tabular prep = (Preprocessing.Tabular) data.preprocessing();
        assertEquals(3, prep.featureCount(), "one number and two colours");
        FloatFeatures train = (FloatFeatures) data.train().features();
        double mean = 0;
        for (int i = 0; i < train.count(); i++) {
            mean += train.sample(i)[0];
        }
        assertEquals(0, mean / train.count(), 1e-5, "training rows are centred by their own mean");
        FloatFeatures test = (FloatFeatures) data.test().features();
        double testMean = 0;
        for (int i = 0; i < test.count(); i++) {
            testMean += test.sample(i)[0];
        }
        assertTrue(Math.abs(testMean / test.count()) > 1e-3, "test rows use the training statistics, not their own");
        float[] first = train.sample(0);
        assertEquals(1f, first[1] + first[2], "exactly one colour is hot");
    }

    @Test
    void labelIsTheLastColumnByDefaultAndTheFirstNoteSaysSo() throws Exception {
        Dataset data = DataLoading.load(request(csv(rows(20))));
        assertEquals(List.of("large", "small"), data.classNames());
        assertEquals(
                "Label: the last column 'kind' (no column is named label, class, target or y; choose another with "
                        + "--label or the Data tab's label column).",
                data.notes().get(0));
    }

    @Test
    void aColumnNamedLikeALabelWinsOverTheLastColumn() throws Exception {
        Dataset data = DataLoading.load(request(csv("Class,size,weight\na,1,5\nb,2,6\na,3,7\nb,4,8\n")));
        assertEquals(List.of("a", "b"), data.classNames());
        assertEquals(
                "size",
                ((Preprocessing.Tabular) data.preprocessing()).columns().get(0).name());
        assertTrue(
                data.notes().get(0).startsWith("Label: column 'Class' (named like a label;"),
                data.notes().get(0));
    }

    @Test
    void aRequestedLabelIsNotedAsRequested() throws Exception {
        Dataset data = DataLoading.load(request(csv(rows(20))).withLabelColumn("COLOUR"));
        assertEquals(List.of("blue", "red"), data.classNames());
        assertEquals("Label: column 'colour'.", data.notes().get(0));
    }

    @Test
    void rowsWithMissingValuesAreDroppedAndTheStudentIsTold() throws Exception {
        String text = rows(20).replace("\n3,blue,", "\n,blue,").replace("\n7,blue,", "\n7,,");
        Dataset data = DataLoading.load(request(csv(text)));
        assertEquals(18, data.totalCount());
        assertTrue(
                data.notes().get(1).contains("Left out 2 of 20 rows"),
                data.notes().toString());
        assertTrue(data.notes().get(1).contains("lines 5, 9"), data.notes().toString());
    }

    @Test
    void missingValuesCanBeFilledInstead() throws Exception {
        String text = rows(20).replace("\n3,blue,", "\n,blue,");
        Dataset data = DataLoading.load(request(csv(text)).withMissing(MissingValues.FILL));
        assertEquals(20, data.totalCount());
    }

    @Test
    void unknownLabelColumnListsTheColumns() throws Exception {
        Path file = csv(rows(10));
        DataLoadException e = assertThrows(
                DataLoadException.class, () -> DataLoading.load(request(file).withLabelColumn("species")));
        assertTrue(
                e.getMessage()
                        .endsWith("has no column 'species'; its columns are size, colour, kind. Choose one "
                                + "of them as the label."),
                e.getMessage());
    }

    @Test
    void wordInANumberColumnNamesLineAndColumn() throws Exception {
        Path file = csv(rows(20).replace("\n12,red,", "\ntwelve,red,"));
        DataLoadException e = assertThrows(DataLoadException.class, () -> DataLoading.load(request(file)));
        assertTrue(e.getMessage().contains("line 14, column 'size': 'twelve' is not a number"), e.getMessage());
    }

    @Test
    void raggedRowNamesTheLine() throws Exception {
        Path file = csv("a,b,label\n1,2,x\n3,4,5,y\n");
        DataLoadException e = assertThrows(DataLoadException.class, () -> DataLoading.load(request(file)));
        assertTrue(e.getMessage().contains("line 3: has 4 cells but the header has 3"), e.getMessage());
    }

    @Test
    void emptyAndHeaderOnlyFilesAreExplained() throws Exception {
        Path empty = csv("");
        assertTrue(assertThrows(DataLoadException.class, () -> DataLoading.load(request(empty)))
                .getMessage()
                .contains("is empty"));
        Path header = csv("a,b,label\n");
        assertTrue(assertThrows(DataLoadException.class, () -> DataLoading.load(request(header)))
                .getMessage()
                .contains("has a header but no data rows"));
    }

    @Test
    void bundledIrisLoadsByName() throws Exception {
        Dataset iris = DataLoading.load(DataRequest.of("sample:iris"));
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertEquals(150, iris.totalCount());
        assertEquals(4, iris.inputShape()[0]);
    }
}
