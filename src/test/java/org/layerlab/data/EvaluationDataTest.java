package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Split;
import org.layerlab.core.data.TokenFeatures;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.testing.TestImages;

class EvaluationDataTest {
    private static final Split SPLIT = new Split(0.25, 0.25, 7);

    @TempDir
    Path folder;

    private static ModelInfo imageModel(List<String> classes, String dataName, int dataSamples) {
        return new ModelInfo(
                DataKind.IMAGE,
                new int[] {3, 4, 4},
                classes,
                new Preprocessing.Image(3, 4, 4),
                LossKind.SOFTMAX_CROSS_ENTROPY,
                SPLIT,
                dataName,
                dataSamples);
    }

    /** Folders of 4-pixel-square one-colour images: {@code counts[i]} images in class folder {@code names[i]}. */
    private Path imageFolder(String name, List<String> classes, List<Color> colours, int... counts) throws Exception {
        Path root = folder.resolve(name);
        for (int c = 0; c < classes.size(); c++) {
            for (int i = 0; i < counts[c]; i++) {
                TestImages.write(root.resolve(classes.get(c) + "/" + i + ".png"), colours.get(c), 6);
            }
        }
        return root;
    }

    @Test
    void theTrainingDataGivesTheTestRowsOfTheModelsOwnSplit() throws Exception {
        Path data = imageFolder("colours", List.of("blue", "red"), List.of(Color.BLUE, Color.RED), 6, 6);
        ModelInfo model = imageModel(List.of("blue", "red"), "colours", 12);
        EvaluationData measured = EvaluationData.load(model, DataRequest.of(data.toString()));
        assertEquals(3, measured.samples().count(), "a quarter of 12 under the model's split, not the default 0.2");
        assertEquals("the 3 test samples of colours (the model's own split)", measured.description());
        int[] ownTestLabels = DataLoading.load(
                        DataRequest.of(data.toString()).withImages(4, false).withSplit(SPLIT))
                .test()
                .labels();
        assertArrayEquals(ownTestLabels, measured.samples().labels());
        assertArrayEquals(new int[] {3, 4, 4}, measured.dataset().inputShape(), "read at the model's size");
    }

    @Test
    void aModelThatDoesNotRecordItsDataIsMeasuredOnTestRowsOnly() throws Exception {
        Path data = imageFolder("colours", List.of("blue", "red"), List.of(Color.BLUE, Color.RED), 6, 6);
        EvaluationData measured =
                EvaluationData.load(imageModel(List.of("blue", "red"), "", 0), DataRequest.of(data.toString()));
        assertEquals(
                "the 3 test samples of colours under the model's split (the model does not record its data)",
                measured.description());
    }

    @Test
    void otherDataGivesEverySampleWithLabelsMappedByClassName() throws Exception {
        // held-out lacks the model's "green" class: its red (1 there) is the model's red (2).
        Path data = imageFolder("held-out", List.of("blue", "red"), List.of(Color.BLUE, Color.RED), 3, 5);
        ModelInfo model = imageModel(List.of("blue", "green", "red"), "colours", 30);
        EvaluationData measured = EvaluationData.load(model, DataRequest.of(data.toString()));
        assertEquals(8, measured.samples().count());
        assertEquals("all 8 samples of held-out", measured.description());
        int[] counts = measured.samples().classCounts(3);
        assertArrayEquals(new int[] {3, 0, 5}, counts);
        for (int i = 0; i < 8; i++) {
            float redChannel = measured.samples().features().sample(i)[0];
            assertEquals(measured.samples().labels()[i] == 2 ? 1f : 0f, redChannel, 0.01, "labels stay with pixels");
        }
        assertEquals(List.of("blue", "green", "red"), measured.dataset().classNames());
        assertEquals(8, measured.dataset().test().count());
        assertEquals(8, measured.dataset().totalCount());
    }

    @Test
    void aClassTheModelDoesNotKnowIsRefusedNamingBoth() throws Exception {
        Path data = imageFolder("pets", List.of("blue", "purple"), List.of(Color.BLUE, Color.MAGENTA), 2, 2);
        ModelInfo model = imageModel(List.of("blue", "red"), "colours", 30);
        DataLoadException e = assertThrows(
                DataLoadException.class, () -> EvaluationData.load(model, DataRequest.of(data.toString())));
        assertEquals(
                "pets has the classes [blue, purple] but the model knows [blue, red] (it was trained on colours): "
                        + "'purple' is not one of them; give it data labelled with the model's classes.",
                e.getMessage());
    }

    @Test
    void anotherInputShapeIsRefusedNamingBoth() throws Exception {
        Path idx = folder.resolve("digits");
        Files.createDirectories(idx);
        Files.write(
                idx.resolve("train-images-idx3-ubyte"), IdxLoaderTest.idx(0x803, new int[] {4, 2, 3}, new byte[24]));
        Files.write(
                idx.resolve("train-labels-idx1-ubyte"),
                IdxLoaderTest.idx(0x801, new int[] {4}, new byte[] {0, 1, 0, 1}));
        ModelInfo model = imageModel(List.of("0", "1"), "colours", 30);
        DataLoadException e =
                assertThrows(DataLoadException.class, () -> EvaluationData.load(model, DataRequest.of(idx.toString())));
        assertEquals(
                "digits gives input (1, 2, 3) but the model reads (3, 4, 4) (it was trained on colours); give it data "
                        + "of that shape.",
                e.getMessage());
    }

    @Test
    void dataOfAnotherKindIsRefused() throws Exception {
        Path csv = folder.resolve("table.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n");
        ModelInfo model = imageModel(List.of("x", "y"), "colours", 30);
        DataLoadException e =
                assertThrows(DataLoadException.class, () -> EvaluationData.load(model, DataRequest.of(csv.toString())));
        assertEquals(
                "table.csv holds table rows but the model reads images (it was trained on colours); give it data of "
                        + "that kind.",
                e.getMessage());
    }

    @Test
    void otherTablesArePreparedWithTheModelsStatisticsAndLabelColumn() throws Exception {
        Preprocessing.Tabular prep = new Preprocessing.Tabular(
                "kind",
                List.of(
                        new Preprocessing.Column("size", 10, 2, List.of()),
                        new Preprocessing.Column("colour", 0, 1, List.of("red", "green"))));
        ModelInfo model = new ModelInfo(
                DataKind.TABULAR,
                new int[] {3},
                List.of("big", "small"),
                prep,
                LossKind.SOFTMAX_CROSS_ENTROPY,
                SPLIT,
                "train.csv",
                100);
        Path csv = folder.resolve("other.csv");
        // Another column order, the label first, an extra column, and one row without a size.
        Files.writeString(csv, "kind,colour,note,size\nsmall,green,a,8\nbig,red,b,14\nbig,red,c,\nsmall,blue,d,10\n");
        EvaluationData measured = EvaluationData.load(model, DataRequest.of(csv.toString()));
        assertEquals("all 3 samples of other.csv", measured.description());
        assertArrayEquals(new int[] {1, 0, 1}, measured.samples().labels());
        assertArrayEquals(
                new float[] {-1, 0, 1, 2, 1, 0, 0, 0, 0},
                ((FloatFeatures) measured.samples().features()).data(),
                1e-6f,
                "(size - 10) / 2 with the model's statistics; colours one-hot over the model's levels");
        assertTrue(
                measured.dataset().notes().get(0).startsWith("Left out 1 of 4 rows"),
                measured.dataset().notes().toString());

        EvaluationData filled =
                EvaluationData.load(model, DataRequest.of(csv.toString()).withMissing(MissingValues.FILL));
        assertEquals(4, filled.samples().count(), "--fill-missing keeps the row, filled with the model's mean");
        assertEquals(0f, filled.samples().features().sample(2)[0], 1e-6f);
    }

    @Test
    void otherSentencesUseTheModelsVocabulary() throws Exception {
        ModelInfo model = new ModelInfo(
                DataKind.TEXT,
                new int[] {3},
                List.of("bad", "good"),
                new Preprocessing.Text(List.of("<pad>", "<unknown>", "lovely", "dull"), 3),
                LossKind.SOFTMAX_CROSS_ENTROPY,
                SPLIT,
                "reviews.tsv",
                60);
        Path tsv = folder.resolve("more.tsv");
        StringBuilder text = new StringBuilder("text\tlabel\n");
        for (int i = 0; i < 10; i++) {
            text.append(i % 2 == 0 ? "a lovely film indeed\tgood\n" : "so dull\tbad\n");
        }
        Files.writeString(tsv, text);
        EvaluationData measured = EvaluationData.load(model, DataRequest.of(tsv.toString()));
        assertEquals("all 10 samples of more.tsv", measured.description());
        int[] tokens = ((TokenFeatures) measured.samples().features()).data();
        assertArrayEquals(new int[] {1, 2, 1}, java.util.Arrays.copyOfRange(tokens, 0, 3), "first 3 words, model ids");
        assertArrayEquals(new int[] {0, 1, 3}, java.util.Arrays.copyOfRange(tokens, 3, 6));
        assertArrayEquals(
                new int[] {1, 0},
                java.util.Arrays.copyOfRange(measured.samples().labels(), 0, 2));
    }
}
