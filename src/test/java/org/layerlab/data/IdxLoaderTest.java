package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Split;

class IdxLoaderTest {
    @TempDir
    Path folder;

    static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    static void write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out =
                gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
    }

    /** 20 training and 5 test images of 2×3 pixels; pixel values encode the image index. */
    void writeTinyMnist(boolean gzip) throws IOException {
        String suffix = gzip ? ".gz" : "";
        write(folder.resolve("train-images-idx3-ubyte" + suffix), idx(0x803, new int[] {20, 2, 3}, pixels(20)), gzip);
        write(folder.resolve("train-labels-idx1-ubyte" + suffix), idx(0x801, new int[] {20}, labels(20)), gzip);
        write(folder.resolve("t10k-images-idx3-ubyte" + suffix), idx(0x803, new int[] {5, 2, 3}, pixels(5)), gzip);
        write(folder.resolve("t10k-labels-idx1-ubyte" + suffix), idx(0x801, new int[] {5}, labels(5)), gzip);
    }

    private static byte[] pixels(int count) {
        byte[] data = new byte[count * 6];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (200 + i / 6);
        }
        return data;
    }

    private static byte[] labels(int count) {
        byte[] data = new byte[count];
        for (int i = 0; i < count; i++) {
            data[i] = (byte) (i % 3);
        }
        return data;
    }

    @Test
    void readsGzipAndRawAlikeAndKeepsTheGivenTestSet() throws Exception {
        writeTinyMnist(true);
        Dataset data = IdxLoader.load(folder, new Split(0.25, 0.2, 1));
        assertArrayEquals(new int[] {1, 2, 3}, data.inputShape());
        assertEquals(15, data.train().count());
        assertEquals(5, data.validation().count());
        assertEquals(5, data.test().count(), "t10k is the test set, not a split of the training images");
        assertEquals(java.util.List.of("0", "1", "2"), data.classNames());
        ByteFeatures test = (ByteFeatures) data.test().features();
        assertEquals((byte) 204, test.data()[4 * 6], "bytes kept as they are, unsigned values above 127 included");
        assertEquals(204 / 255f, test.sample(4)[0], 1e-6);
    }

    @Test
    void wrongMagicNumberIsNamed() throws Exception {
        writeTinyMnist(false);
        write(folder.resolve("train-images-idx3-ubyte"), idx(0x1234, new int[] {20, 2, 3}, pixels(20)), false);
        DataLoadException e = assertThrows(DataLoadException.class, () -> IdxLoader.load(folder, Split.DEFAULT));
        assertTrue(
                e.getMessage()
                        .contains("train-images-idx3-ubyte: not an IDX file of unsigned bytes (magic number "
                                + "0x00001234"),
                e.getMessage());
    }

    @Test
    void truncatedDataIsReportedWithSizes() throws Exception {
        writeTinyMnist(true);
        byte[] full = idx(0x803, new int[] {20, 2, 3}, pixels(20));
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 10);
        write(folder.resolve("train-images-idx3-ubyte.gz"), cut, true);
        DataLoadException e = assertThrows(DataLoadException.class, () -> IdxLoader.load(folder, Split.DEFAULT));
        assertTrue(
                e.getMessage().contains("truncated: the header promises 20×2×3 = 120 bytes but the file holds 110"),
                e.getMessage());
    }

    @Test
    void imagesAndLabelsMustAgreeInCount() throws Exception {
        writeTinyMnist(false);
        write(folder.resolve("train-labels-idx1-ubyte"), idx(0x801, new int[] {19}, labels(19)), false);
        DataLoadException e = assertThrows(DataLoadException.class, () -> IdxLoader.load(folder, Split.DEFAULT));
        assertTrue(e.getMessage().contains("holds 20 images but"), e.getMessage());
    }

    @Test
    void folderWithoutIdxFilesSaysWhatItExpects() {
        DataLoadException e = assertThrows(DataLoadException.class, () -> IdxLoader.load(folder, Split.DEFAULT));
        assertTrue(e.getMessage().contains("no training images IDX file found"), e.getMessage());
    }

    @Test
    void classesTxtNamesTheLabels() throws Exception {
        writeTinyMnist(false);
        Files.writeString(folder.resolve("classes.txt"), "\uFEFFcircle\n  square \ntriangle\n\n");
        Dataset data = IdxLoader.load(folder, Split.DEFAULT);
        assertEquals(java.util.List.of("circle", "square", "triangle"), data.classNames());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, data.test().labels(), "labels stay numbers into the names");
    }

    @Test
    void classesTxtWithTheWrongCountIsNamed() throws Exception {
        writeTinyMnist(false);
        Files.writeString(folder.resolve("classes.txt"), "circle\nsquare\n");
        DataLoadException e = assertThrows(DataLoadException.class, () -> IdxLoader.load(folder, Split.DEFAULT));
        assertEquals(
                folder.resolve("classes.txt") + ": has 2 class names but the labels are 0 to 2 (3 classes); write one "
                        + "name a line, label 0 first.",
                e.getMessage());
    }

    @Test
    void classesTxtWithABlankOrRepeatedNameIsNamed() throws Exception {
        writeTinyMnist(false);
        Files.writeString(folder.resolve("classes.txt"), "circle\n\ntriangle\n");
        DataLoadException blank = assertThrows(DataLoadException.class, () -> IdxLoader.load(folder, Split.DEFAULT));
        assertTrue(blank.getMessage().contains("classes.txt line 2: is empty"), blank.getMessage());
        Files.writeString(folder.resolve("classes.txt"), "circle\nsquare\ncircle\n");
        DataLoadException twice = assertThrows(DataLoadException.class, () -> IdxLoader.load(folder, Split.DEFAULT));
        assertTrue(
                twice.getMessage().contains("classes.txt line 3: repeats the class name 'circle'"), twice.getMessage());
    }
}
