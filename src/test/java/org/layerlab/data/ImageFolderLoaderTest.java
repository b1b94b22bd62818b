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
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Split;
import org.layerlab.testing.TestImages;

class ImageFolderLoaderTest {
    @TempDir
    Path folder;

    private DataRequest request() {
        return DataRequest.of(folder.toString()).withSplit(new Split(0.25, 0.25, 1));
    }

    @Test
    void classFoldersBecomeClassesAndImagesAreResized() throws Exception {
        for (int i = 0; i < 4; i++) {
            TestImages.write(folder.resolve("red/" + i + ".png"), Color.RED, 10);
            TestImages.write(folder.resolve("blue/" + i + ".png"), Color.BLUE, 10);
        }
        Dataset data = DataLoading.load(request().withImages(4, false));
        assertEquals(List.of("blue", "red"), data.classNames());
        assertArrayEquals(new int[] {3, 4, 4}, data.inputShape());
        assertEquals(8, data.totalCount());
        ByteFeatures all = (ByteFeatures) data.train().features();
        float[] first = all.sample(0);
        int label = data.train().labels()[0];
        float red = first[0];
        float blue = first[32];
        assertEquals(label == 1 ? 1f : 0f, red, 0.01, "the red channel plane comes first");
        assertEquals(label == 0 ? 1f : 0f, blue, 0.01);
    }

    @Test
    void greyImagesHaveOneChannelAndTheirOwnSizeByDefault() throws Exception {
        for (int i = 0; i < 2; i++) {
            TestImages.write(folder.resolve("a/" + i + ".png"), Color.WHITE, 6);
            TestImages.write(folder.resolve("b/" + i + ".png"), Color.BLACK, 6);
        }
        Dataset data = DataLoading.load(request().withImages(0, true));
        assertArrayEquals(new int[] {1, 6, 6}, data.inputShape());
    }

    @Test
    void trainAndTestFoldersKeepTheTestSet() throws Exception {
        for (int i = 0; i < 3; i++) {
            TestImages.write(folder.resolve("train/cat/" + i + ".png"), Color.GRAY, 4);
            TestImages.write(folder.resolve("train/dog/" + i + ".png"), Color.ORANGE, 4);
        }
        TestImages.write(folder.resolve("test/cat/9.png"), Color.GRAY, 4);
        Dataset data = DataLoading.load(request());
        assertEquals(1, data.test().count());
        assertEquals(6, data.train().count() + data.validation().count());
    }

    @Test
    void folderWithoutClassFoldersSaysHowToArrangeIt() throws Exception {
        TestImages.write(folder.resolve("loose.png"), Color.RED, 4);
        DataLoadException e = assertThrows(DataLoadException.class, () -> DataLoading.load(request()));
        assertTrue(
                e.getMessage().contains("has no class sub-folders; put the images of each class in a sub-folder"),
                e.getMessage());
    }

    @Test
    void nonImageFileIsNamed() throws Exception {
        TestImages.write(folder.resolve("a/1.png"), Color.RED, 4);
        TestImages.write(folder.resolve("b/1.png"), Color.RED, 4);
        Files.writeString(folder.resolve("b/notes.txt"), "not a picture");
        DataLoadException e = assertThrows(DataLoadException.class, () -> DataLoading.load(request()));
        assertTrue(e.getMessage().contains("notes.txt: is not an image"), e.getMessage());
    }

    @Test
    void brokenImageFileIsNamed() throws Exception {
        TestImages.write(folder.resolve("a/1.png"), Color.RED, 4);
        TestImages.write(folder.resolve("b/1.png"), Color.RED, 4);
        Files.writeString(folder.resolve("b/2.png"), "not really a png");
        DataLoadException e = assertThrows(DataLoadException.class, () -> DataLoading.load(request()));
        assertTrue(e.getMessage().contains("2.png: is not an image LayerLab can read"), e.getMessage());
    }
}
