package org.layerlab.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.layerlab.core.data.ByteFeatures;
import org.layerlab.core.data.ContentFrame;
import org.layerlab.core.data.DataKind;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.data.Samples;
import org.layerlab.core.data.Split;

/**
 * Loads a folder of MNIST-style IDX files: a training images/labels pair and, if present, a test pair
 * (t10k or "test" in the name), which is kept as the test set. Labels are numbers; they are named by the
 * folder's {@code classes.txt} (one name a line, label 0 first) or else by themselves ("0".."9").
 */
public final class IdxLoader {
    private static final String CLASS_NAMES_FILE = "classes.txt";

    private IdxLoader() {}

    public static Dataset load(Path folder, Split split) throws DataLoadException {
        Path trainImages = find(folder, true, "images");
        Path trainLabels = find(folder, true, "labels");
        Path testImages = findOptional(folder, false, "images");
        Path testLabels = findOptional(folder, false, "labels");
        IdxReader.IdxArray images = IdxReader.read(trainImages, 3);
        Samples all = samples(trainImages, images, trainLabels);
        int[] shape = {1, images.dims()[1], images.dims()[2]};
        boolean givenTest = testImages != null && testLabels != null;
        int[][] parts = split.assign(all.labels(), !givenTest);
        Samples test =
                givenTest ? samples(testImages, IdxReader.read(testImages, 3), testLabels) : all.subset(parts[2]);
        int classes = Math.max(maxLabel(all.labels()), maxLabel(test.labels())) + 1;
        List<String> names = classNames(folder.resolve(CLASS_NAMES_FILE), classes);
        List<String> notes = new ArrayList<>();
        notes.add(
                givenTest
                        ? "Kept the given test set " + testImages.getFileName() + " (" + test.count() + " images)."
                        : "No test files found: held out " + parts[2].length + " training images as the test set.");
        return new Dataset(
                folder.getFileName().toString(),
                DataKind.IMAGE,
                shape,
                names,
                all.subset(parts[0]),
                all.subset(parts[1]),
                test,
                new Preprocessing.Image(
                        1, shape[1], shape[2], ContentFrame.measure(images.data(), 1, shape[1], shape[2])),
                split,
                notes);
    }

    private static Samples samples(Path images, IdxReader.IdxArray x, Path labels) throws DataLoadException {
        IdxReader.IdxArray y = IdxReader.read(labels, 1);
        if (x.count() != y.count()) {
            throw new DataLoadException(images + " holds " + x.count() + " images but " + labels + " holds " + y.count()
                    + " labels; use the images and labels files that belong together.");
        }
        int[] labelValues = new int[y.count()];
        for (int i = 0; i < labelValues.length; i++) {
            labelValues[i] = y.data()[i] & 0xFF;
        }
        return new Samples(new ByteFeatures(x.data(), x.itemSize()), labelValues);
    }

    /** The names in {@code file}, one for each label value; the label values themselves when there is no file. */
    private static List<String> classNames(Path file, int classes) throws DataLoadException {
        if (!Files.isRegularFile(file)) {
            List<String> names = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                names.add(Integer.toString(c));
            }
            return names;
        }
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DataLoadException(file + ": cannot be read as UTF-8 text (" + e.getMessage() + ").", e);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.size() != classes) {
            throw new DataLoadException(file + ": has " + lines.size() + " class names but the labels are 0 to "
                    + (classes - 1) + " (" + classes + " classes); write one name a line, label 0 first.");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).replace("\uFEFF", "").strip();
            if (name.isEmpty() || names.contains(name)) {
                throw new DataLoadException(file + " line " + (i + 1) + ": "
                        + (name.isEmpty() ? "is empty" : "repeats the class name '" + name + "'")
                        + "; write one different name a line, label 0 first.");
            }
            names.add(name);
        }
        return names;
    }

    private static int maxLabel(int[] labels) {
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max;
    }

    private static Path find(Path folder, boolean train, String what) throws DataLoadException {
        Path found = findOptional(folder, train, what);
        if (found == null) {
            throw new DataLoadException(folder + ": no " + (train ? "training " : "") + what + " IDX file found; "
                    + "expected a name such as train-" + what + "-idx" + (what.equals("images") ? 3 : 1)
                    + "-ubyte(.gz).");
        }
        return found;
    }

    private static Path findOptional(Path folder, boolean train, String what) throws DataLoadException {
        String kind = what.equals("images") ? "idx3" : "idx1";
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        boolean test = name.contains("t10k") || name.contains("test");
                        return name.contains(kind) && (train != test);
                    })
                    .sorted()
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw new DataLoadException(folder + ": cannot list the folder (" + e.getMessage() + ").", e);
        }
    }
}
