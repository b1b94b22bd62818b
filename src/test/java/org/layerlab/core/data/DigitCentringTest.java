package org.layerlab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DigitCentringTest {

    /** A black image with white rectangles, each {top, left, height, width}. */
    private static float[] image(int height, int width, int[]... rectangles) {
        float[] pixels = new float[height * width];
        for (int[] r : rectangles) {
            for (int y = r[0]; y < r[0] + r[2]; y++) {
                for (int x = r[1]; x < r[1] + r[3]; x++) {
                    pixels[y * width + x] = 1f;
                }
            }
        }
        return pixels;
    }

    private static byte[] centre(float[] pixels, int height, int width, int target) {
        return DigitCentring.centre(pixels, height, width, target, target).orElseThrow();
    }

    /** {top, left, bottom, right} (inclusive) of the non-black pixels. */
    private static int[] box(byte[] pixels, int size) {
        int[] box = {size, size, -1, -1};
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (pixels[y * size + x] != 0) {
                    box[0] = Math.min(box[0], y);
                    box[1] = Math.min(box[1], x);
                    box[2] = Math.max(box[2], y);
                    box[3] = Math.max(box[3], x);
                }
            }
        }
        return box;
    }

    /** The centre of mass {y, x}, with pixel i spanning [i, i + 1). */
    private static double[] centreOfMass(byte[] pixels, int size) {
        double mass = 0;
        double y = 0;
        double x = 0;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                int v = pixels[r * size + c] & 0xFF;
                mass += v;
                y += v * (r + 0.5);
                x += v * (c + 0.5);
            }
        }
        return new double[] {y / mass, x / mass};
    }

    @Test
    void aTallStrokeFillsTwentyPixelsAndKeepsItsAspect() {
        // 100 high, 50 wide, near the top-left corner of a 280 × 280 drawing.
        byte[] out = centre(image(280, 280, new int[] {10, 20, 100, 50}), 280, 280, 28);
        int[] box = box(out, 28);
        assertEquals(20, box[2] - box[0] + 1, "the long side fills the 20-pixel box");
        assertEquals(10, box[3] - box[1] + 1, "the short side keeps the 2:1 aspect");
        assertEquals(255, out[14 * 28 + 14] & 0xFF, "solid ink stays white");
    }

    @Test
    void aWideStrokeFillsTwentyPixelsAcross() {
        byte[] out = centre(image(200, 300, new int[] {150, 10, 30, 240}), 200, 300, 28);
        int[] box = box(out, 28);
        assertEquals(20, box[3] - box[1] + 1);
        assertTrue(Math.abs((box[2] - box[0] + 1) - 2.5) <= 1, "30/240 of 20 pixels is 2.5: " + (box[2] - box[0] + 1));
    }

    @Test
    void theCentreOfMassLandsWithinHalfAPixelOfTheMiddle() {
        // An L: a heavy vertical bar and a short foot, so the mass is not the middle of the box.
        float[] l = image(280, 280, new int[] {40, 60, 180, 30}, new int[] {190, 60, 30, 100});
        byte[] out = centre(l, 280, 280, 28);
        double[] mass = centreOfMass(out, 28);
        assertEquals(14, mass[0], 0.5);
        assertEquals(14, mass[1], 0.5);
        int[] box = box(out, 28);
        assertTrue(
                box[1] + box[3] > 28,
                "the box moves right so that its heavy left side is in the middle: " + box[1] + ".." + box[3]);
    }

    @Test
    void otherTargetSizesKeepTheSameProportion() {
        byte[] out = centre(image(100, 100, new int[] {10, 10, 80, 40}), 100, 100, 56);
        int[] box = box(out, 56);
        assertEquals(40, box[2] - box[0] + 1, "20/28 of 56");
        assertEquals(20, box[3] - box[1] + 1);
        double[] mass = centreOfMass(out, 56);
        assertEquals(28, mass[0], 0.5);
        assertEquals(28, mass[1], 0.5);
    }

    @Test
    void aSmallDrawingIsEnlargedToTheBox() {
        byte[] out = centre(image(28, 28, new int[] {2, 2, 5, 5}), 28, 28, 28);
        int[] box = box(out, 28);
        assertEquals(20, box[2] - box[0] + 1);
        assertEquals(20, box[3] - box[1] + 1);
    }

    @Test
    void faintNoiseNeitherCountsAsInkNorWidensTheBox() {
        float[] pixels = image(280, 280, new int[] {40, 100, 200, 40});
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] == 0 && i % 7 == 0) {
                pixels[i] = 0.05f;
            }
        }
        byte[] noisy = centre(pixels, 280, 280, 28);
        byte[] clean = centre(image(280, 280, new int[] {40, 100, 200, 40}), 280, 280, 28);
        assertArrayEquals(clean, noisy);
    }

    @Test
    void anEmptyOrOnlyFaintImageIsReported() {
        assertTrue(DigitCentring.centre(new float[280 * 280], 280, 280, 28, 28).isEmpty());
        float[] faint = new float[100];
        java.util.Arrays.fill(faint, 0.05f);
        assertTrue(DigitCentring.centre(faint, 10, 10, 28, 28).isEmpty());
        assertTrue(DigitCentring.centre(new byte[784], 28, 28, 28, 28).isEmpty());
    }

    @Test
    void bytesAreReadAsGreyLevels() {
        byte[] pixels = new byte[28 * 28];
        for (int y = 4; y < 24; y++) {
            pixels[y * 28 + 14] = (byte) 255;
            pixels[y * 28 + 13] = (byte) 128;
        }
        byte[] out = DigitCentring.centre(pixels, 28, 28, 28, 28).orElseThrow();
        int[] box = box(out, 28);
        assertEquals(20, box[2] - box[0] + 1);
        assertEquals(2, box[3] - box[1] + 1, "an already centred 2-pixel stroke keeps its width");
        double[] mass = centreOfMass(out, 28);
        assertEquals(14, mass[1], 0.5);
    }

    @Test
    void aWrongPixelCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DigitCentring.centre(new float[10], 3, 3, 28, 28));
    }
}
