package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.testing.TestImages;

class InputReaderTest {
    /** A model trained on x (mean 10, spread 2) and a colour with two levels. */
    private static final Preprocessing.Tabular TABLE = new Preprocessing.Tabular(
            "side",
            List.of(
                    new Preprocessing.Column("x", 10, 2, List.of()),
                    new Preprocessing.Column("colour", 0, 1, List.of("red", "blue"))));

    private static final Preprocessing.Text TEXT = new Preprocessing.Text(List.of("<pad>", "<unknown>", "good"), 4);

    @TempDir
    Path folder;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    void emptyCellsAreRefusedOrFilledAsTrainingFilledAndCounted() throws Exception {
        Path gaps = write("gaps.csv", "x,colour\n12,red\n,blue\n14,\n");
        DataLoadException refused = assertThrows(DataLoadException.class, () -> InputReader.read(gaps, TABLE));
        assertEquals(
                gaps + " line 3, column 'x': has no value; fill it in, remove the line or let it be filled as in "
                        + "training (--fill-missing).",
                refused.getMessage());

        InputReader.Inputs filled = InputReader.read(gaps, TABLE, MissingValues.FILL);
        assertEquals(
                List.of("Filled 2 empty cells of gaps.csv as training did: numbers with the training mean, text with "
                        + "no category."),
                filled.notes());
        FloatFeatures features = (FloatFeatures) filled.features();
        assertEquals(List.of(0f, 0f, 1f), boxed(features.sample(1)), "x at the training mean; blue");
        assertEquals(List.of(2f, 0f, 0f), boxed(features.sample(2)), "(14 - 10) / 2; no colour");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnOrSentence() throws Exception {
        Path table = write("bom.csv", "\uFEFFx,colour\n12,red\n");
        assertEquals(List.of("line 2"), InputReader.read(table, TABLE).names());
        Path sentences = write("bom.txt", "\uFEFFgood film\nbad\n");
        assertEquals(
                List.of("good film", "bad"), InputReader.read(sentences, TEXT).names());
    }

    @Test
    void anImageGivenToATableOrTextModelIsNamedWithoutItsBytes() throws Exception {
        Path png = folder.resolve("a.png");
        TestImages.write(png, Color.RED, 8);
        DataLoadException table = assertThrows(DataLoadException.class, () -> InputReader.read(png, TABLE));
        assertEquals(
                "a.png: is not text; this model reads table rows (CSV); give a CSV with the columns x, colour.",
                table.getMessage());
        DataLoadException text = assertThrows(DataLoadException.class, () -> InputReader.read(png, TEXT));
        assertEquals(
                "a.png: is not text; this model reads text; give a UTF-8 text file with one sentence per line.",
                text.getMessage());
    }

    @Test
    void aQuotedCellIsPrintableAndShort() throws Exception {
        Path odd = write("odd.csv", "x,colour\n1,red\n2,red\n3,red\n4,red\n5\u0007" + "9".repeat(60) + "z,red\n");
        DataLoadException e = assertThrows(DataLoadException.class, () -> InputReader.read(odd, TABLE));
        String quoted = e.getMessage().substring(e.getMessage().indexOf("'x': '") + 6);
        quoted = quoted.substring(0, quoted.indexOf('\''));
        assertEquals("5?" + "9".repeat(37) + "…", quoted);
        assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl), e.getMessage());
    }

    @Test
    void imageConversionsAreCountedOncePerKind() throws Exception {
        Path images = folder.resolve("images");
        for (int i = 0; i < 3; i++) {
            TestImages.write(images.resolve("red" + i + ".png"), Color.RED, 8);
        }
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        Files.createDirectories(images);
        ImageIO.write(grey, "png", images.resolve("grey.png").toFile());

        assertEquals(
                List.of(
                        "3 colour images converted to grey, as the model was trained on grey images.",
                        "1 image resized to 8×8, as the model was trained on 8×8 images."),
                InputReader.read(images, new Preprocessing.Image(1, 8, 8)).notes());
        assertEquals(
                List.of(
                        "1 grey image converted to colour, as the model was trained on colour images.",
                        "1 image resized to 8×8, as the model was trained on 8×8 images."),
                InputReader.read(images, new Preprocessing.Image(3, 8, 8)).notes());
        assertEquals(
                List.of(),
                InputReader.read(images.resolve("red0.png"), new Preprocessing.Image(3, 8, 8))
                        .notes());
    }

    private static List<Float> boxed(float[] values) {
        List<Float> list = new java.util.ArrayList<>();
        for (float v : values) {
            list.add(v);
        }
        return list;
    }
}
