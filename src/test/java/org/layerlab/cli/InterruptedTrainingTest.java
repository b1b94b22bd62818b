package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.files.ModelBundle;

/**
 * A real signal sent to a real {@code layerlab train} in a child JVM: the finished epochs are kept. The
 * child is started through {@code env --default-signal} because a process started in the background by a
 * non-interactive shell (as a CI job may be) inherits SIGINT ignored, and the JVM then leaves it ignored.
 */
class InterruptedTrainingTest {
    private static final Pattern EPOCH = Pattern.compile("^Epoch (\\d+)/");

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({"INT, 130, Ctrl-C", "TERM, 143, SIGTERM"})
    void aSignalStopsTrainingAndKeepsTheFinishedEpochs(String signal, int status, String name) throws Exception {
        assumeTrue(envResetsSignals(), "needs GNU env with --default-signal (coreutils 8.31 or later)");
        Path out = folder.resolve("run");
        Process train = new ProcessBuilder(
                        "env",
                        "--default-signal=INT,TERM",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.layerlab.Launcher",
                        "train",
                        "--data",
                        "sample:iris",
                        "--stack",
                        "sample-data/stacks/iris-mlp.json",
                        "--epochs",
                        "1000000",
                        "--batch-size",
                        "8",
                        "--out",
                        out.toString())
                .redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(train.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                Matcher epoch = EPOCH.matcher(line);
                if (epoch.find() && Integer.parseInt(epoch.group(1)) == 4) {
                    send(signal, train.pid());
                }
            }
        } finally {
            if (!train.waitFor(60, TimeUnit.SECONDS)) {
                train.destroyForcibly();
            }
        }
        assertEquals(status, train.exitValue(), output.toString());
        Matcher kept = Pattern.compile("Interrupted by " + name + ": saved the model of epoch (\\d+) and the metrics "
                        + "of epochs 1–(\\d+) to " + Pattern.quote(out.toString()) + " as a stopped run\\.")
                .matcher(output);
        assertTrue(kept.find(), output.toString());
        int epochs = Integer.parseInt(kept.group(2));
        assertTrue(epochs >= 4, "four epochs had finished: " + output);
        assertEquals(kept.group(1), kept.group(2));
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(epochs + 1, metrics.size(), "a header and one line per finished epoch");
        try (TrainedModel model = ModelBundle.load(out, new DjlTrainingEngine())) {
            assertEquals(
                    List.of("setosa", "versicolor", "virginica"), model.info().classNames());
        }
    }

    private static void send(String signal, long pid) throws IOException, InterruptedException {
        assertEquals(
                0,
                new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                        .start()
                        .waitFor());
    }

    private static boolean envResetsSignals() {
        try {
            return new ProcessBuilder("env", "--default-signal=INT", "true")
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
