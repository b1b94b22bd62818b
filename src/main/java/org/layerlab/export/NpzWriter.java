package org.layerlab.export;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes NumPy's .npz format with the JDK alone: a zip archive with one NPY (version 1.0) file per array,
 * named {@code <name>.npy}, so that {@code numpy.load(file)[name]} returns the array. Floats are written as
 * little-endian float32 ({@code '<f4'}), whole numbers as little-endian int64 ({@code '<i8'}), both in C
 * order. Entries carry a fixed time, so the same arrays always give the same bytes.
 */
final class NpzWriter implements Closeable {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    /** NumPy aligns the data to 64 bytes; the header is padded with spaces and ends in a newline. */
    private static final int ALIGNMENT = 64;
    /** 1980-01-01, the earliest time a zip entry can hold. */
    private static final long FIXED_TIME = 315_532_800_000L;

    private final ZipOutputStream zip;
    private final Set<String> names = new HashSet<>();

    NpzWriter(OutputStream out) {
        zip = new ZipOutputStream(new BufferedOutputStream(out));
    }

    static NpzWriter create(Path file) throws IOException {
        return new NpzWriter(Files.newOutputStream(file));
    }

    /** Adds a float32 array of the given shape (empty for a scalar); {@code values} are in C order. */
    void addFloats(String name, int[] shape, float[] values) throws IOException {
        checkSize(name, shape, values.length);
        ByteBuffer data = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        add(name, "<f4", shape, data.array());
    }

    /** Adds an int64 array of the given shape (empty for a scalar); {@code values} are in C order. */
    void addLongs(String name, int[] shape, long[] values) throws IOException {
        checkSize(name, shape, values.length);
        ByteBuffer data = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        data.asLongBuffer().put(values);
        add(name, "<i8", shape, data.array());
    }

    private void add(String name, String dtype, int[] shape, byte[] data) throws IOException {
        if (!names.add(name)) {
            throw new IllegalArgumentException("the archive already has an array named " + name);
        }
        ZipEntry entry = new ZipEntry(name + ".npy");
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(header(dtype, shape));
        zip.write(data);
        zip.closeEntry();
    }

    /** The NPY 1.0 header: magic, version, header length (uint16) and a Python dict literal. */
    static byte[] header(String dtype, int[] shape) {
        StringBuilder dict =
                new StringBuilder("{'descr': '").append(dtype).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            dict.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dict.append(shape.length == 1 ? ",), }" : "), }");
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        dict.append(" ".repeat(padding)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 2 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putShort((short) text.length).put(text);
        return header.array();
    }

    private static void checkSize(String name, int[] shape, int length) {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size != length) {
            throw new IllegalArgumentException(name + " has " + length + " values but its shape holds " + size);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
