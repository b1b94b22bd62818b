package org.layerlab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.ContentFrame;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Samples;

/**
 * Loads images sorted into one sub-folder per class. A folder holding {@code train/} and {@code test/}
 * (each with the same class folders) keeps that test set. Every image is resized to one size, by default
 * that of the first image, and kept as bytes.
 */
public final class ImageFolderLoader {
    private static final int MAX_DEFAULT_SIZE = 64;

    private ImageFolderLoader() {}

    public static Dataset load(Path folder, DataRequest request) throws DataLoadException {
        Path trainFolder = folder;
        Path testFolder = null;
        if (Files.isDirectory(folder.resolve("train")) && Files.isDirectory(folder.resolve("test"))) {
            trainFolder = folder.resolve("train");
            testFolder = folder.resolve("test");
        }
        List<Path> classFolders = classFolders(trainFolder);
        List<String> classNames =
                classFolders.stream().map(p -> p.getFileName().toString()).toList();
        List<List<Path>> files = new ArrayList<>();
        for (Path classFolder : classFolders) {
            files.add(imagesIn(classFolder));
        }
        BufferedImage first = ImageFiles.read(files.get(0).get(0));
        int size = request.imageSize();
        int height = size > 0 ? size : Math.min(first.getHeight(), MAX_DEFAULT_SIZE);
        int width = size > 0 ? size : Math.min(first.getWidth(), MAX_DEFAULT_SIZE);
        int channels = request.grey() ? 1 : 3;
        Samples all = read(files, channels, height, width);
        int[][] parts = request.split().assign(all.labels(), testFolder == null);
        List<String> notes = new ArrayList<>();
        notes.add("Read " + all.count() + " images in " + classNames.size() + " classes, resized to " + width + "×"
                + height + (channels == 1 ? " grey." : " colour."));
        Samples test = all.subset(parts[2]);
        if (testFolder != null) {
            List<List<Path>> testFiles = new ArrayList<>();
            for (String name : classNames) {
                Path classFolder = testFolder.resolve(name);
                testFiles.add(Files.isDirectory(classFolder) ? imagesIn(classFolder) : List.of());
            }
            test = read(testFiles, channels, height, width);
            notes.add("Kept the given test folder " + testFolder + " (" + test.count() + " images).");
        }
        int[] shape = {channels, height, width};
        return new Dataset(
                folder.getFileName().toString(),
                DataKind.IMAGE,
                shape,
                classNames,
                all.subset(parts[0]),
                all.subset(parts[1]),
                test,
                new Preprocessing.Image(
                        channels, height, width, ContentFrame.measure(trainPixels(all), channels, height, width)),
                request.split(),
                notes);
    }

    /** The pixels of images read here (always bytes), to measure how the training images hold their content. */
    private static byte[] trainPixels(Samples samples) {
        return samples.features() instanceof ByteFeatures bytes ? bytes.data() : new byte[0];
    }

    private static Samples read(List<List<Path>> files, int channels, int height, int width) throws DataLoadException {
        int count = files.stream().mapToInt(List::size).sum();
        int sampleSize = channels * height * width;
        byte[] pixels = new byte[count * sampleSize];
        int[] labels = new int[count];
        int at = 0;
        for (int c = 0; c < files.size(); c++) {
            for (Path file : files.get(c)) {
                ImageFiles.toBytes(ImageFiles.read(file), channels, height, width, pixels, at * sampleSize);
                labels[at++] = c;
            }
        }
        return new Samples(new ByteFeatures(pixels, sampleSize), labels);
    }

    private static List<Path> classFolders(Path folder) throws DataLoadException {
        if (!Files.isDirectory(folder)) {
            throw new DataLoadException(folder + ": no such folder; check the path.");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> folders = entries.filter(Files::isDirectory)
                    .filter(p -> !hidden(p))
                    .sorted()
                    .toList();
            if (folders.isEmpty()) {
                throw new DataLoadException(folder + ": has no class sub-folders; put the images of each class in a "
                        + "sub-folder named after the class (for example cats/ and dogs/).");
            }
            if (folders.size() < 2) {
                throw new DataLoadException(folder + ": has only one class folder ("
                        + folders.get(0).getFileName() + "); a classifier needs at least two classes.");
            }
            return folders;
        } catch (IOException e) {
            throw new DataLoadException(folder + ": cannot be listed (" + e.getMessage() + ").", e);
        }
    }

    private static List<Path> imagesIn(Path classFolder) throws DataLoadException {
        try (Stream<Path> entries = Files.list(classFolder)) {
            List<Path> files = entries.filter(Files::isRegularFile)
                    .filter(p -> !hidden(p))
                    .sorted()
                    .toList();
            for (Path file : files) {
                if (!ImageFiles.looksLikeImage(file)) {
                    throw new DataLoadException(
                            file + ": is not an image (PNG, JPEG, GIF or BMP); move it out of the " + "class folder.");
                }
            }
            if (files.isEmpty()) {
                throw new DataLoadException(classFolder + ": class folder has no images; add images or remove it.");
            }
            return files;
        } catch (IOException e) {
            throw new DataLoadException(classFolder + ": cannot be listed (" + e.getMessage() + ").", e);
        }
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
