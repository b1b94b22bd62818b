package org.layerlab.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The datasets bundled in {@code sample-data/}, addressable as {@code sample:NAME}. The folder is looked
 * for where the application runs from, beside the jar, and one level above it (target/ in a checkout).
 */
public final class SampleCatalog {
    public static final String PREFIX = "sample:";

    /** One bundled dataset: {@code path} (and {@code testPath}) are relative to sample-data/. */
    public record Sample(
            String name,
            String description,
            String path,
            DataFormat format,
            String labelColumn,
            String textColumn,
            String testPath) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample(
                    "mnist",
                    "Handwritten digits 0–9, 28×28 grey: 60,000 training and 10,000 test images",
                    "mnist",
                    DataFormat.IDX,
                    null,
                    null,
                    null),
            new Sample(
                    "iris",
                    "Iris flowers: 4 measurements, 3 species, 150 rows",
                    "iris/iris.csv",
                    DataFormat.CSV,
                    "species",
                    null,
                    null),
            new Sample(
                    "digits",
                    "8×8 handwritten digits as 64 pixel columns, 1,797 rows",
                    "digits/digits.csv.gz",
                    DataFormat.CSV,
                    "digit",
                    null,
                    null),
            new Sample(
                    "sentiment",
                    "Movie-review sentences, positive or negative: 8,455 training and 2,113 test",
                    "sentiment/train.tsv",
                    DataFormat.TEXT,
                    "label",
                    "text",
                    "sentiment/test.tsv"),
            new Sample(
                    "cifar10",
                    "Small colour photos in 10 classes, 32×32: 5,000 training and 1,000 test " + "(a CIFAR-10 subset)",
                    "cifar10",
                    DataFormat.IMAGES,
                    null,
                    null,
                    null));

    private SampleCatalog() {}

    public static List<Sample> all() {
        return SAMPLES;
    }

    public static Optional<Sample> find(String name) {
        return SAMPLES.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The sample-data folder, or an explanation of where it was looked for. */
    public static Path root() throws DataLoadException {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("layerlab.samples");
        if (property != null) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("sample-data"));
        jarFolder().ifPresent(folder -> {
            candidates.add(folder.resolve("sample-data"));
            if (folder.getParent() != null) {
                candidates.add(folder.getParent().resolve("sample-data"));
            }
        });
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new DataLoadException("The bundled samples were not found (looked in " + candidates
                + "); run LayerLab from its folder or set -Dlayerlab.samples=PATH.");
    }

    private static Optional<Path> jarFolder() {
        try {
            Path code = Path.of(SampleCatalog.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Optional.ofNullable(code.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
