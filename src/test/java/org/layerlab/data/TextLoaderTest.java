package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Split;
import org.layerlab.core.data.TokenFeatures;

class TextLoaderTest {
    @TempDir
    Path folder;

    @Test
    void wordsBecomePaddedIdsWithAVocabularyFromTrainingRowsOnly() throws Exception {
        StringBuilder tsv = new StringBuilder("label\ttext\n");
        for (int i = 0; i < 20; i++) {
            tsv.append(i % 2 == 0 ? "positive\tA lovely, lovely film.\n" : "negative\tDull and far too long.\n");
        }
        Path train = folder.resolve("reviews.tsv");
        Files.writeString(train, tsv);
        Path test = folder.resolve("test.tsv");
        Files.writeString(test, "label\ttext\npositive\tlovely zebra\n");
        Dataset data =
                TextLoader.load(train, test, DataRequest.of(train.toString()).withSplit(new Split(0.2, 0, 5)));
        assertEquals(DataKind.TEXT, data.kind());
        assertEquals(List.of("negative", "positive"), data.classNames());
        Preprocessing.Text text = (Preprocessing.Text) data.preprocessing();
        assertEquals(List.of("<pad>", "<unknown>"), text.vocabulary().subList(0, 2));
        assertTrue(text.vocabulary().contains("lovely"));
        assertFalse(text.vocabulary().contains("zebra"), "a word only in held-out rows must not enter the vocabulary");
        float[] ids = data.test().features().sample(0);
        assertEquals(TokenFeatures.UNKNOWN, (int) ids[ids.length - 1]);
        assertEquals(text.vocabulary().indexOf("lovely"), (int) ids[ids.length - 2]);
        assertEquals(TokenFeatures.PADDING, (int) ids[0]);
        assertEquals(16, data.train().count());
        assertEquals(4, data.validation().count());
    }

    @Test
    void shortSentencesArePaddedAtTheFrontAndUnknownWordsMarked() {
        int[] out = new int[5];
        Tokenizer.encode(Tokenizer.words("Great, it's GREAT!"), java.util.Map.of("great", 2), 5, out, 0);
        assertArrayEquals(new int[] {0, 0, 2, 1, 2}, out);
        assertEquals(List.of("great", "it's", "great"), Tokenizer.words("Great, it's GREAT!"));
        assertFalse(Tokenizer.words("  ").iterator().hasNext());
    }

    @Test
    void bundledSentimentKeepsItsTestFile() throws Exception {
        Dataset data = DataLoading.load(DataRequest.of("sample:sentiment"));
        assertEquals(2113, data.test().count());
        assertEquals(8455, data.train().count() + data.validation().count());
        assertEquals(List.of("negative", "positive"), data.classNames());
    }
}
