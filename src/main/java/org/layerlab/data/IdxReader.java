package org.layerlab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads MNIST-style IDX files of unsigned bytes, raw or gzip-compressed (told apart by their first bytes,
 * not their name): a magic number 0x000008NN where NN is the number of dimensions, the dimensions as
 * big-endian ints, then the data.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;

    /** The dimensions (first = item count) and the bytes of one IDX file. */
    public record IdxArray(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }

        public int itemSize() {
            int size = 1;
            for (int i = 1; i < dims.length; i++) {
                size *= dims[i];
            }
            return size;
        }
    }

    private IdxReader() {}

    public static IdxArray read(Path file, int expectedRank) throws DataLoadException {
        try (DataInputStream in = new DataInputStream(open(file))) {
            int magic = in.readInt();
            int type = (magic >>> 8) & 0xFF;
            int rank = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE) {
                throw new DataLoadException(file + ": not an IDX file of unsigned bytes (magic number 0x"
                        + String.format("%08X", magic) + ", expected 0x000008" + String.format("%02X", expectedRank)
                        + "); choose the MNIST-style images or labels file.");
            }
            if (rank != expectedRank) {
                throw new DataLoadException(file + ": has " + rank + " dimensions but " + expectedRank
                        + " were expected (" + (expectedRank == 1 ? "labels" : "images")
                        + "); check that images and labels files are not swapped.");
            }
            int[] dims = new int[rank];
            long size = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] <= 0) {
                    throw new DataLoadException(
                            file + ": dimension " + (i + 1) + " is " + dims[i] + "; the header is damaged.");
                }
                size *= dims[i];
            }
            if (size > Integer.MAX_VALUE - 16) {
                throw new DataLoadException(file + ": the header promises " + size + " bytes, more than LayerLab "
                        + "can hold; the header is damaged.");
            }
            byte[] data = new byte[(int) size];
            int read = in.readNBytes(data, 0, data.length);
            if (read < data.length) {
                throw new DataLoadException(file + ": truncated: the header promises " + describe(dims) + " = " + size
                        + " bytes but the file holds " + read + "; download the file again.");
            }
            return new IdxArray(dims, data);
        } catch (EOFException e) {
            throw new DataLoadException(file + ": ends inside its header; the file is truncated or not IDX.");
        } catch (IOException e) {
            throw new DataLoadException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
    }

    private static String describe(int[] dims) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            text.append(i == 0 ? "" : "×").append(dims[i]);
        }
        return text.toString();
    }
}
