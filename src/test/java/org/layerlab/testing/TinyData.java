package org.layerlab.testing;

import java.util.List;
import java.util.Random;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.FloatFeatures;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Samples;
import org.layerlab.core.data.Split;
import org.layerlab.core.data.TokenFeatures;

/** Small generated datasets that a network can learn in a second. */
public final class TinyData {

    private TinyData() {}

    /** Two well separated clouds of 2-D points, classes "left" and "right", scaled by {@code scale}. */
    public static Dataset blobs(int perPart, long seed, float scale) {
        Random random = new Random(seed);
        Samples[] parts = new Samples[3];
        for (int p = 0; p < 3; p++) {
            float[] x = new float[perPart * 2];
            int[] y = new int[perPart];
            for (int i = 0; i < perPart; i++) {
                y[i] = i % 2;
                float centre = y[i] == 0 ? -2f : 2f;
                x[2 * i] = scale * (centre + (float) random.nextGaussian() * 0.5f);
                x[2 * i + 1] = scale * ((float) random.nextGaussian());
            }
            parts[p] = new Samples(new FloatFeatures(x, 2), y);
        }
        Preprocessing tabular = new Preprocessing.Tabular(
                "side",
                List.of(
                        new Preprocessing.Column("x", 0, 1, List.of()),
                        new Preprocessing.Column("y", 0, 1, List.of())));
        return new Dataset(
                "blobs",
                DataKind.TABULAR,
                new int[] {2},
                List.of("left", "right"),
                parts[0],
                parts[1],
                parts[2],
                tabular,
                new Split(0.2, 0.2, seed),
                List.of());
    }

    /** 1×8×8 images: class 0 has a bright left half, class 1 a bright top half. */
    public static Dataset halves(int perPart, long seed) {
        Random random = new Random(seed);
        Samples[] parts = new Samples[3];
        for (int p = 0; p < 3; p++) {
            byte[] pixels = new byte[perPart * 64];
            int[] labels = new int[perPart];
            for (int i = 0; i < perPart; i++) {
                labels[i] = i % 2;
                for (int r = 0; r < 8; r++) {
                    for (int c = 0; c < 8; c++) {
                        boolean bright = labels[i] == 0 ? c < 4 : r < 4;
                        pixels[i * 64 + r * 8 + c] = (byte) ((bright ? 180 : 40) + random.nextInt(60));
                    }
                }
            }
            parts[p] = new Samples(new ByteFeatures(pixels, 64), labels);
        }
        return new Dataset(
                "halves",
                DataKind.IMAGE,
                new int[] {1, 8, 8},
                List.of("left", "top"),
                parts[0],
                parts[1],
                parts[2],
                new Preprocessing.Image(1, 8, 8),
                new Split(0.2, 0.2, seed),
                List.of());
    }

    /** Sequences of 6 token ids below 20; class 1 exactly when token 7 occurs. */
    public static Dataset tokens(int perPart, long seed) {
        Random random = new Random(seed);
        Samples[] parts = new Samples[3];
        for (int p = 0; p < 3; p++) {
            int[] ids = new int[perPart * 6];
            int[] labels = new int[perPart];
            for (int i = 0; i < perPart; i++) {
                labels[i] = i % 2;
                for (int t = 0; t < 6; t++) {
                    int id;
                    do {
                        id = 2 + random.nextInt(18);
                    } while (id == 7);
                    ids[i * 6 + t] = id;
                }
                if (labels[i] == 1) {
                    ids[i * 6 + random.nextInt(6)] = 7;
                }
            }
            parts[p] = new Samples(new TokenFeatures(ids, 6), labels);
        }
        List<String> vocabulary = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            vocabulary.add("w" + i);
        }
        return new Dataset(
                "tokens",
                DataKind.TEXT,
                new int[] {6},
                List.of("without", "with"),
                parts[0],
                parts[1],
                parts[2],
                new Preprocessing.Text(vocabulary, 6),
                new Split(0.2, 0.2, seed),
                List.of());
    }
}
