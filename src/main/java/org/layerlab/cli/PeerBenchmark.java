package org.layerlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the scripts of the PyTorch peer benchmark (../shared/bench): one training run, the machine's float32
 * matrix-product limit, the arithmetic per training sample of each model.
 */
final class PeerBenchmark {
    /**
     * Kernel families OpenBLAS falls back to when it does not recognise a CPU (Debian's 0.3.21 takes a 2023
     * Xeon for a 2004 Pentium 4, "Prescott", and multiplies matrices 5× slower than it could).
     */
    private static final Set<String> FALLBACK_CORES = Set.of("Prescott", "Core2", "Penryn", "Dunnington", "Nehalem");

    private final Path folder;
    private Optional<String> coreOverride;

    /** One peer run's JSON line: samples/s, test accuracy, its threads, and how busy the machine was. */
    record Result(double samplesPerSecond, double accuracy, int threads, double foreignCpuSeconds, double loadBefore) {}

    PeerBenchmark(Path folder) {
        this.folder = folder;
    }

    boolean available() {
        return Files.isRegularFile(folder.resolve("torch_mlp.py"));
    }

    /** Samples/s and test accuracy of one run, or empty with the reason appended to {@code problem}. */
    Optional<Result> run(String model, int seed, StringBuilder problem) throws InterruptedException {
        return json(List.of(folder.resolve("torch_" + model + ".py").toString()), Map.of("SEED", "" + seed), problem)
                .map(json -> new Result(
                        json.path("samples_per_s").asDouble(),
                        json.path("test_accuracy").asDouble(),
                        json.path("threads").asInt(),
                        json.path("foreign_cpu_s").asDouble(),
                        json.path("load1_before").asDouble()));
    }

    /** The machine's float32 matrix-product speed on 2 threads, GFLOP/s (the peer's matmul_bench.py). */
    Optional<Double> matmulGflops(StringBuilder problem) throws InterruptedException {
        return json(
                        List.of(folder.resolve("matmul_bench.py").toString(), "2048", "10"),
                        Map.of("OPENBLAS_NUM_THREADS", "2"),
                        problem)
                .map(json -> json.path("gflops_median").asDouble());
    }

    /** Floating-point operations per training sample (3× forward) of each model, from flops.py. */
    Map<String, Double> trainingFlopsPerSample(StringBuilder problem) throws InterruptedException {
        Map<String, Double> flops = new java.util.TreeMap<>();
        for (String line : output(List.of(folder.resolve("flops.py").toString()), Map.of(), problem)
                .lines()
                .toList()) {
            String[] words = line.trim().split("\\s+", -1);
            if (words.length == 5 && words[3].startsWith("train")) {
                flops.put(words[0], Double.parseDouble(words[4]));
            }
        }
        return flops;
    }

    /**
     * The OpenBLAS kernels the peer is given when OpenBLAS would fall back to generic ones on this CPU, so
     * that LayerLab is compared with the fastest the peer can be here; empty when OpenBLAS chooses well.
     */
    Optional<String> openBlasCoreOverride() throws InterruptedException {
        if (coreOverride == null) {
            String verbose =
                    output(List.of("-c", "import numpy"), Map.of("OPENBLAS_VERBOSE", "2"), new StringBuilder());
            String core = verbose.lines()
                    .filter(l -> l.startsWith("Core: "))
                    .map(l -> l.substring(6).trim())
                    .findFirst()
                    .orElse("");
            List<String> flags = Machine.cpuFlags();
            coreOverride = !FALLBACK_CORES.contains(core)
                    ? Optional.empty()
                    : flags.contains("avx512bw")
                            ? Optional.of("SkylakeX")
                            : flags.contains("avx2") ? Optional.of("Haswell") : Optional.empty();
        }
        return coreOverride;
    }

    private Optional<JsonNode> json(List<String> arguments, Map<String, String> environment, StringBuilder problem)
            throws InterruptedException {
        String output = output(arguments, environment, problem);
        for (String line : output.lines().toList()) {
            if (line.startsWith("{")) {
                try {
                    return Optional.of(new ObjectMapper().readTree(line));
                } catch (IOException e) {
                    problem.append("unreadable peer output: ").append(line);
                    return Optional.empty();
                }
            }
        }
        if (problem.length() == 0) {
            problem.append("the peer printed no result: ")
                    .append(output.lines().reduce((a, b) -> b).orElse("no output"));
        }
        return Optional.empty();
    }

    private String output(List<String> arguments, Map<String, String> environment, StringBuilder problem)
            throws InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add("/usr/bin/python3");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // As ../shared/bench/run.sh: PyTorch runs its own 2 threads; OpenBLAS threads on top only slow it.
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        if (!environment.containsKey("OPENBLAS_VERBOSE")) {
            openBlasCoreOverride().ifPresent(core -> builder.environment().put("OPENBLAS_CORETYPE", core));
        }
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            if (status != 0) {
                problem.append("the peer exited with status ")
                        .append(status)
                        .append(": ")
                        .append(output.lines().reduce((a, b) -> b).orElse("no output"));
            }
            return output;
        } catch (IOException e) {
            problem.append("python3 could not be started (")
                    .append(e.getMessage())
                    .append(')');
            return "";
        }
    }
}
