package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.core.data.ContentFrame;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.ImagePreparation;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Split;

/** The image preparation step as the data layer applies it: MNIST is prepared, photos only resized. */
class ImagePreparingTest {
    @TempDir
    Path folder;

    /** A CIFAR-like colour photo: a light sky over a dark red object, off-centre. */
    private static BufferedImage photo() {
        BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 220, 250));
        g.fillRect(0, 0, 48, 48);
        g.setColor(new Color(120, 20, 20));
        g.fillRect(4, 20, 18, 14);
        g.dispose();
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            image.setRGB(random.nextInt(48), random.nextInt(48), 0x808080);
        }
        return image;
    }

    @Test
    void mnistIsMeasuredAsMnistLikeWhenLoaded() throws Exception {
        Dataset mnist = DataLoading.load(DataRequest.of("sample:mnist"));
        Preprocessing.Image image = (Preprocessing.Image) mnist.preprocessing();
        assertEquals(new ContentFrame(0, 20, 20, true), image.frame());
        assertTrue(image.digitLike());
    }

    @Test
    void aLargePhotoOfADigitIsShrunkFirstThenPrepared() {
        Preprocessing.Image digits = new Preprocessing.Image(1, 28, 28, new ContentFrame(0, 20, 20, true));
        BufferedImage page = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(230, 230, 225));
        g.fillRect(0, 0, 3000, 2000);
        g.setColor(new Color(30, 30, 40));
        g.fillRect(400, 300, 150, 1200);
        g.dispose();
        byte[] pixels = new byte[28 * 28];
        ImagePreparation.Prepared prepared =
                ImageFiles.prepare(page, digits, true, pixels, 0).orElseThrow();
        assertTrue(prepared.inverted() && prepared.cropped(), prepared.note());
        assertTrue(prepared.note().matches("inverted, cropped \\d+×\\d+ → \\d+×20, centred"), prepared.note());
        assertEquals(0, pixels[0]);
        assertTrue((pixels[14 * 28 + 14] & 0xFF) > 240, "the stroke, white, in the middle");
    }

    @Test
    void aColourPhotoIsNotInvertedOrCroppedButOnlyResized() throws Exception {
        Path cat = folder.resolve("cats");
        for (String name : List.of("train/boat", "train/sky", "cats")) {
            Files.createDirectories(folder.resolve(name));
        }
        for (int i = 0; i < 4; i++) {
            ImageIO.write(
                    photo(), "png", folder.resolve("train/boat/" + i + ".png").toFile());
            ImageIO.write(
                    photo(), "png", folder.resolve("train/sky/" + i + ".png").toFile());
        }
        Dataset photos = DataLoading.load(DataRequest.of(folder.resolve("train").toString())
                .withSplit(new Split(0.25, 0.25, 1))
                .withImages(32, false));
        Preprocessing.Image model = (Preprocessing.Image) photos.preprocessing();
        assertEquals(ContentFrame.UNMEASURED, model.frame());
        assertFalse(model.digitLike());
        byte[] prepared = new byte[3 * 32 * 32];
        byte[] resized = new byte[3 * 32 * 32];
        assertTrue(ImageFiles.prepare(photo(), model, true, prepared, 0).isEmpty());
        ImageFiles.toBytes(photo(), 3, 32, 32, resized, 0);
        assertArrayEquals(resized, prepared);
        ImageIO.write(photo(), "png", cat.resolve("photo.png").toFile());
        assertEquals(
                List.of("1 image resized to 32×32, as the model was trained on 32×32 images."),
                InputReader.read(cat.resolve("photo.png"), model).notes());
    }
}
