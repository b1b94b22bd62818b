package org.layerlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ImagePreparationTest {

    /** A 28 × 28 "digit": a 20-tall, 10-wide bar of white ink on black, centred. */
    private static byte[] digit() {
        byte[] pixels = new byte[28 * 28];
        for (int y = 4; y < 24; y++) {
            for (int x = 9; x < 19; x++) {
                pixels[y * 28 + x] = (byte) 255;
            }
        }
        return pixels;
    }

    private static byte[] many(byte[] one, int count) {
        byte[] all = new byte[one.length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        return all;
    }

    @Test
    void mnistLikeTrainingImagesAreMeasuredAsSuch() {
        ContentFrame frame = ContentFrame.measure(many(digit(), 5), 1, 28, 28);
        assertEquals(new ContentFrame(0, 20, 20, true), frame);
        assertTrue(new Preprocessing.Image(1, 28, 28, frame).digitLike());
    }

    @Test
    void lightOrColourOrOffCentreTrainingImagesAreNotMnistLike() {
        byte[] light = digit();
        for (int i = 0; i < light.length; i++) {
            light[i] = (byte) (255 - (light[i] & 0xFF));
        }
        ContentFrame onLight = ContentFrame.measure(many(light, 3), 1, 28, 28);
        assertEquals(255, onLight.background());
        assertFalse(new Preprocessing.Image(1, 28, 28, onLight).digitLike());
        assertEquals(ContentFrame.UNMEASURED, ContentFrame.measure(many(digit(), 3), 3, 28, 28));
        byte[] corner = new byte[28 * 28];
        for (int y = 1; y < 8; y++) {
            for (int x = 1; x < 8; x++) {
                corner[y * 28 + x] = (byte) 255;
            }
        }
        assertFalse(ContentFrame.measure(many(corner, 3), 1, 28, 28).centred());
        assertFalse(new Preprocessing.Image(1, 28, 28).digitLike());
    }

    @Test
    void aDarkDigitOnALightNoisyPageIsInvertedCroppedAndCentred() {
        Preprocessing.Image model = new Preprocessing.Image(1, 28, 28, new ContentFrame(0, 20, 20, true));
        int size = 100;
        float[] page = new float[size * size];
        Random random = new Random(1);
        for (int i = 0; i < page.length; i++) {
            page[i] = 0.85f + (float) random.nextGaussian() * 0.03f;
        }
        // A 60 × 30 stroke of dark ink near the top-left corner.
        for (int y = 5; y < 65; y++) {
            for (int x = 8; x < 38; x++) {
                page[y * size + x] = 0.15f;
            }
        }
        ImagePreparation.Prepared prepared =
                ImagePreparation.prepare(page, size, size, model).orElseThrow();
        assertTrue(prepared.inverted());
        assertEquals("inverted, cropped 30×60 → 10×20, centred", prepared.note());
        byte[] expected = digit();
        assertArrayEquals(expected, prepared.pixels());
    }

    @Test
    void aPlainMnistDigitIsLeftAsItIs() {
        Preprocessing.Image model = new Preprocessing.Image(1, 28, 28, new ContentFrame(0, 20, 20, true));
        float[] grey = new float[28 * 28];
        byte[] digit = digit();
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (digit[i] & 0xFF) / 255f;
        }
        ImagePreparation.Prepared prepared =
                ImagePreparation.prepare(grey, 28, 28, model).orElseThrow();
        assertFalse(prepared.inverted());
        assertEquals("already 28×28 with the ink centred in its box, kept", prepared.note());
        assertArrayEquals(digit, prepared.pixels());
    }

    @Test
    void imagesForAModelOfPhotosAreNotPrepared() {
        float[] photo = new float[32 * 32];
        java.util.Arrays.fill(photo, 0.9f);
        photo[500] = 0.1f;
        assertTrue(ImagePreparation.prepare(photo, 32, 32, new Preprocessing.Image(3, 32, 32))
                .isEmpty());
        assertTrue(ImagePreparation.prepare(
                        photo, 32, 32, new Preprocessing.Image(1, 32, 32, new ContentFrame(200, 20, 20, true)))
                .isEmpty());
    }
}
