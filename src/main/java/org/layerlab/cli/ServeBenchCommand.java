package org.layerlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.FeatureStore;
import org.layerlab.core.data.Split;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.data.DataLoadException;
import org.layerlab.data.DataLoading;
import org.layerlab.data.DataRequest;
import org.layerlab.data.SampleCatalog;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.files.AtomicFiles;
import org.layerlab.files.ModelBundle;
import org.layerlab.serve.ModelService;
import org.layerlab.serve.ServeBenchmark;
import org.layerlab.serve.ServeBenchmark.ClientKind;
import org.layerlab.serve.ServeBenchmark.Figures;
import org.layerlab.serve.ServeOptions;
import org.layerlab.serve.ServedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Serves an MNIST CNN on 127.0.0.1 and measures requests/s and latency with 1 and 8 clients, one MNIST test
 * digit as JSON per request, each request on its own and with batching, from the JDK's HTTP client and
 * from a plain socket; beside the same model called in-process; in rounds, reporting medians; with the
 * machine it ran on and the command that reproduces it.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "bench-serve",
        description = "Measure the HTTP service on 127.0.0.1 against in-process prediction (an MNIST CNN; trains one "
                + "epoch of sample-data/stacks/mnist-cnn.json first unless --model is given).")
final class ServeBenchCommand implements Callable<Integer> {
    private static final int[] CLIENTS = {1, 8};

    @Option(names = "--model", paramLabel = "DIR", description = "A model trained on MNIST (input 1×28×28).")
    Path modelFolder;

    @Option(
            names = "--requests",
            paramLabel = "N",
            defaultValue = "2000",
            description = "Requests per measurement (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(
            names = "--seconds",
            paramLabel = "N",
            defaultValue = "20",
            description = "Time limit per measurement (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--batch",
            defaultValue = "32",
            description = "Batch limit for the batched measurements (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "3",
            description = "Rounds of every measurement; medians are reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--model-threads",
            defaultValue = "1",
            paramLabel = "N",
            description = "PyTorch threads for a forward pass, as serve's option (default: ${DEFAULT-VALUE}).")
    int modelThreads;

    @Spec
    CommandSpec spec;

    private final Map<String, List<Figures>> results = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (requests < 1 || requests > 100_000 || seconds < 1 || seconds > 600 || rounds < 1 || rounds > 10) {
            throw new UserError("--requests must be 1 to 100000, --seconds 1 to 600 and --rounds 1 to 10.");
        }
        ServeCommand.useModelThreads(modelThreads);
        out.println("Machine: " + machine() + "; PyTorch threads " + modelThreads);
        Path model = modelFolder != null ? modelFolder : trainElsewhere(out);
        try {
            measure(out, model);
        } finally {
            if (modelFolder == null) {
                AtomicFiles.deleteTree(model.getParent());
            }
        }
        return 0;
    }

    private void measure(PrintWriter out, Path folder) throws Exception {
        Dataset mnist = DataLoading.load(DataRequest.of("sample:mnist").withSplit(new Split(0, 0, 1)));
        try (TrainedModel model = ModelBundle.load(folder, new DjlTrainingEngine())) {
            if (!Arrays.equals(model.info().inputShape(), new int[] {1, 28, 28})) {
                throw new UserError("bench-serve measures an MNIST model (input 1×28×28); this one reads "
                        + Arrays.toString(model.info().inputShape()) + ".");
            }
            FeatureStore test = mnist.test().features();
            List<FeatureStore> singles = new ArrayList<>();
            List<FeatureStore> eights = new ArrayList<>();
            List<byte[]> bodies = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                singles.add(test.subset(new int[] {i}));
                bodies.add(json(test.sample(i)).getBytes(StandardCharsets.UTF_8));
                if (i % 8 == 0) {
                    eights.add(test.subset(new int[] {i, i + 1, i + 2, i + 3, i + 4, i + 5, i + 6, i + 7}));
                }
            }
            Duration limit = Duration.ofSeconds(seconds);
            for (int round = 1; round <= rounds; round++) {
                out.println("Round " + round + " of " + rounds + ":");
                add(
                        out,
                        ServeBenchmark.inProcess(
                                "in-process predict, 1 input", model::predict, singles, requests, limit));
                add(
                        out,
                        ServeBenchmark.inProcess(
                                "in-process predict, 8 inputs a call", model::predict, eights, requests, limit));
                for (int maxBatch : new int[] {1, batch}) {
                    ServeOptions options = ServeOptions.DEFAULT.withPort(0).withMaxBatch(maxBatch);
                    try (ModelService service = ModelService.start(ServedModel.of("mnist-cnn", model), options)) {
                        if (round == 1 && maxBatch == 1) {
                            // Not counted: lets the JIT compile client and server before anything is measured.
                            ServeBenchmark.overHttp(
                                    service,
                                    ClientKind.JDK,
                                    "v1/predict",
                                    "warm-up",
                                    bodies,
                                    "application/json",
                                    8,
                                    requests,
                                    limit);
                        }
                        measure(out, service, maxBatch, bodies, limit);
                    }
                }
            }
            report(out);
        }
    }

    private void measure(PrintWriter out, ModelService service, int maxBatch, List<byte[]> bodies, Duration limit)
            throws InterruptedException {
        String batching = maxBatch == 1 ? "no batching" : "batch ≤ " + maxBatch;
        for (ClientKind kind : ClientKind.values()) {
            String client = kind == ClientKind.JDK ? "JDK client" : "socket client";
            if (maxBatch == 1) {
                add(
                        out,
                        ServeBenchmark.overHttp(
                                service,
                                kind,
                                "health",
                                "HTTP GET /health, " + client,
                                List.of(),
                                "",
                                1,
                                requests,
                                limit));
            }
            for (int clients : CLIENTS) {
                add(
                        out,
                        ServeBenchmark.overHttp(
                                service,
                                kind,
                                "v1/predict",
                                "HTTP /v1/predict, " + batching + ", " + client,
                                bodies,
                                "application/json",
                                clients,
                                requests,
                                limit));
            }
        }
    }

    private void report(PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Medians of %d round(s); requests/s as min–max:%n", rounds);
        out.printf(
                Locale.ROOT,
                "%-50s %7s %9s %13s %8s %8s %6s %4s%n",
                "",
                "clients",
                "inputs/s",
                "requests/s",
                "p50 ms",
                "p99 ms",
                "batch",
                "fail");
        for (List<Figures> runs : results.values()) {
            Figures f = runs.get(0);
            out.printf(
                    Locale.ROOT,
                    "%-50s %7d %9.0f %6.0f–%-6.0f %8.3f %8.3f %6.2f %4d%n",
                    f.what(),
                    f.clients(),
                    median(runs, Figures::inputsPerSecond),
                    runs.stream().mapToDouble(Figures::perSecond).min().orElse(0),
                    runs.stream().mapToDouble(Figures::perSecond).max().orElse(0),
                    median(runs, Figures::p50Millis),
                    median(runs, Figures::p99Millis),
                    median(runs, Figures::meanBatch),
                    runs.stream().mapToInt(Figures::failures).sum());
        }
        double inProcess = median(results.get("in-process predict, 1 input/1"), Figures::p50Millis);
        for (String client : List.of("JDK client", "socket client")) {
            double http = median(results.get("HTTP /v1/predict, no batching, " + client + "/1"), Figures::p50Millis);
            out.printf(
                    Locale.ROOT,
                    "Service overhead, 1 client, %s: %.3f ms a request (median p50 over HTTP minus " + "in-process).%n",
                    client,
                    http - inProcess);
        }
        out.println("Machine after: load average " + loadAverage());
        out.println("Reproduce: java -jar target/layerlab.jar bench-serve"
                + (modelFolder == null ? "" : " --model " + modelFolder)
                + " --requests " + requests + " --seconds " + seconds + " --batch " + batch + " --rounds " + rounds
                + " --model-threads " + modelThreads);
        out.flush();
    }

    private void add(PrintWriter out, Figures f) {
        results.computeIfAbsent(f.what() + "/" + f.clients(), k -> new ArrayList<>())
                .add(f);
        out.printf(
                Locale.ROOT,
                "  %s, %d client(s): %,d requests in %.1f s, %.0f/s, p50 %.3f ms, p99 %.3f ms%n",
                f.what(),
                f.clients(),
                f.requests(),
                f.seconds(),
                f.perSecond(),
                f.p50Millis(),
                f.p99Millis());
        out.flush();
    }

    private static double median(List<Figures> runs, ToDoubleFunction<Figures> figure) {
        double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** One MNIST digit as a v1 request, its pixels nested [1][28][28] as a Python client would send them. */
    private static String json(float[] pixels) {
        StringBuilder json = new StringBuilder("{\"inputs\": [[[");
        for (int r = 0; r < 28; r++) {
            json.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < 28; c++) {
                json.append(c == 0 ? "" : ", ").append(Math.round(pixels[r * 28 + c] * 255));
            }
            json.append(']');
        }
        return json.append("]]]}").toString();
    }

    /**
     * Trains the MNIST CNN for one epoch in a separate JVM: a training run sets PyTorch's thread count for
     * itself, and in this process that setting would stay for the measurements.
     */
    private static Path trainElsewhere(PrintWriter out) throws IOException, InterruptedException, DataLoadException {
        Path folder = Files.createTempDirectory("layerlab-bench-serve");
        Path run = folder.resolve("mnist-cnn");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(
                java,
                "-Dai.djl.offline=true",
                "-cp",
                System.getProperty("java.class.path"),
                "org.layerlab.Launcher",
                "train",
                "--data",
                "sample:mnist",
                "--stack",
                SampleCatalog.root().resolve("stacks/mnist-cnn.json").toString(),
                "--epochs",
                "1",
                "--validation",
                "0",
                "--out",
                run.toString());
        out.println("Training sample-data/stacks/mnist-cnn.json for one epoch of sample:mnist in a separate JVM "
                + "(give --model to skip)…");
        out.flush();
        Process training = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(training.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("Epoch") || line.startsWith("Test accuracy")) {
                    out.println("  " + line);
                    out.flush();
                }
            }
        }
        if (!training.waitFor(10, TimeUnit.MINUTES) || training.exitValue() != 0) {
            training.destroyForcibly();
            AtomicFiles.deleteTree(folder);
            throw new UserError("training the benchmark's model failed; run: java -jar target/layerlab.jar train "
                    + "--data sample:mnist --stack sample-data/stacks/mnist-cnn.json --epochs 1 --out runs/mnist-cnn, "
                    + "then bench-serve --model runs/mnist-cnn.");
        }
        return run.resolve("model");
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException e) {
            // Not Linux: say what Java knows.
        }
        return String.format(
                Locale.ROOT,
                "%s, %d cores, load average %s, Java %s, %s",
                cpu,
                Runtime.getRuntime().availableProcessors(),
                loadAverage(),
                System.getProperty("java.version"),
                System.getProperty("os.name"));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+", 4);
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
