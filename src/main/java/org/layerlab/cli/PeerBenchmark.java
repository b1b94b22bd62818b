package org.layerlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Runs one script of the PyTorch peer benchmark (../shared/bench) and reads its JSON result line. */
final class PeerBenchmark {
    private final Path folder;

    PeerBenchmark(Path folder) {
        this.folder = folder;
    }

    boolean available() {
        return Files.isRegularFile(folder.resolve("torch_mlp.py"));
    }

    /** Samples/s and test accuracy of one run, or empty with the reason printed by the caller. */
    Optional<double[]> run(String model, int seed, StringBuilder problem) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "/usr/bin/python3",
                        folder.resolve("torch_" + model + ".py").toString())
                .redirectErrorStream(true);
        // As ../shared/bench/run.sh: PyTorch runs its own 2 threads; OpenBLAS threads on top only slow it.
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        builder.environment().put("SEED", Integer.toString(seed));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            for (String line : output.lines().toList()) {
                if (line.startsWith("{")) {
                    JsonNode json = new ObjectMapper().readTree(line);
                    return Optional.of(new double[] {
                        json.path("samples_per_s").asDouble(),
                        json.path("test_accuracy").asDouble()
                    });
                }
            }
            problem.append("the peer exited with status ")
                    .append(status)
                    .append(": ")
                    .append(output.lines().reduce((a, b) -> b).orElse("no output"));
        } catch (IOException e) {
            problem.append("python3 could not be started (")
                    .append(e.getMessage())
                    .append(')');
        }
        return Optional.empty();
    }
}
