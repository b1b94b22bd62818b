package org.layerlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.layerlab.core.data.Dataset;
import org.layerlab.core.data.Split;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.training.LossKind;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.core.training.OptimizerSettings;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.core.training.TrainingConfig;
import org.layerlab.core.training.TrainingControl;
import org.layerlab.core.training.TrainingObserver;
import org.layerlab.core.training.TrainingResult;
import org.layerlab.data.DataLoading;
import org.layerlab.data.DataRequest;
import org.layerlab.data.SampleCatalog;
import org.layerlab.engine.BatchPhases;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.files.StackFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains the peer benchmark's MLP and CNN for one epoch of full MNIST (Adam 0.001, batch 128, cross-entropy,
 * no validation), alternating with the PyTorch peer scripts, and prints medians and their ratio.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "bench",
        description = "Measure training speed against the PyTorch peer in ../shared/bench.")
final class BenchCommand implements Callable<Integer> {
    @Option(
            names = "--models",
            paramLabel = "MODEL",
            split = ",",
            defaultValue = "mlp,cnn",
            description = "mlp, cnn or both (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "3",
            description = "Runs of each side; medians are reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--peer",
            defaultValue = "../shared/bench",
            paramLabel = "DIR",
            description = "Folder of the PyTorch peer scripts; 'none' to skip them (default: ${DEFAULT-VALUE}).")
    String peerFolder;

    @Option(
            names = "--profile",
            description = "Also print where LayerLab's batch time goes (gather, forward, backward, update, ...).")
    boolean profile;

    @Spec
    CommandSpec spec;

    /** Peer figures on the machine ../shared/bench/README.md describes: a peer far from them ran differently. */
    private static final java.util.Map<String, Double> PEER_REFERENCE =
            java.util.Map.of("mlp", 111_000.0, "cnn", 5_100.0);

    /** Other processes' CPU seconds during a run above which its figure is not trusted. */
    private static final double BUSY_CPU_SECONDS = 0.5;

    /** One LayerLab run: speed, accuracy, where the time went, and what else the machine did meanwhile. */
    private record Figures(double samplesPerSecond, double accuracy, BatchPhases phases, double foreignCpuSeconds) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Machine: " + Machine.describe());
        Dataset mnist = DataLoading.load(DataRequest.of("sample:mnist").withSplit(new Split(0, 0, 1)));
        PeerBenchmark peer = new PeerBenchmark(Path.of(peerFolder));
        boolean withPeer = !"none".equals(peerFolder) && peer.available();
        if (!withPeer) {
            out.println("Peer not run: no PyTorch peer scripts in " + peerFolder + ".");
        } else {
            peer.openBlasCoreOverride()
                    .ifPresent(core -> out.println("Peer: OpenBLAS does not recognise this CPU and would use generic "
                            + "kernels; the peer runs with OPENBLAS_CORETYPE=" + core + ", which this CPU supports."));
        }
        List<String> table = new ArrayList<>();
        java.util.Map<String, double[]> speeds = new java.util.LinkedHashMap<>();
        boolean busy = false;
        for (String model : models) {
            LayerStack stack = StackFile.read(SampleCatalog.root().resolve("stacks/mnist-" + model + ".json"));
            List<Figures> ours = new ArrayList<>();
            List<PeerBenchmark.Result> theirs = new ArrayList<>();
            StringBuilder peerProblem = new StringBuilder();
            for (int run = 1; run <= runs; run++) {
                Figures result = trainOnce(mnist, stack, run);
                ours.add(result);
                busy |= result.foreignCpuSeconds() > BUSY_CPU_SECONDS;
                out.printf(
                        Locale.ROOT,
                        "%s run %d: LayerLab %,.0f samples/s, test accuracy %.4f (%d worker%s x %d PyTorch thread%s; "
                                + "other processes used %.2f CPU-s meanwhile)%n",
                        model,
                        run,
                        result.samplesPerSecond(),
                        result.accuracy(),
                        result.phases().workers(),
                        result.phases().workers() == 1 ? "" : "s",
                        result.phases().threadsPerWorker(),
                        result.phases().threadsPerWorker() == 1 ? "" : "s",
                        result.foreignCpuSeconds());
                out.flush();
                if (withPeer && peerProblem.length() == 0) {
                    Optional<PeerBenchmark.Result> peerResult = peer.run(model, run, peerProblem);
                    if (peerResult.isPresent()) {
                        PeerBenchmark.Result r = peerResult.get();
                        theirs.add(r);
                        busy |= r.foreignCpuSeconds() > BUSY_CPU_SECONDS;
                        out.printf(
                                Locale.ROOT,
                                "%s run %d: PyTorch  %,.0f samples/s, test accuracy %.4f (%d threads; other processes "
                                        + "used %.2f CPU-s meanwhile, load %.2f before)%n",
                                model,
                                run,
                                r.samplesPerSecond(),
                                r.accuracy(),
                                r.threads(),
                                r.foreignCpuSeconds(),
                                r.loadBefore());
                    } else {
                        out.println("Peer not run: " + peerProblem);
                    }
                    out.flush();
                }
            }
            double speed =
                    median(ours.stream().mapToDouble(Figures::samplesPerSecond).toArray());
            String row = String.format(
                    Locale.ROOT,
                    "%-4s %,12.0f %9.4f",
                    model,
                    speed,
                    median(ours.stream().mapToDouble(Figures::accuracy).toArray()));
            double peerSpeed = Double.NaN;
            if (!theirs.isEmpty()) {
                peerSpeed = median(theirs.stream()
                        .mapToDouble(PeerBenchmark.Result::samplesPerSecond)
                        .toArray());
                row += String.format(
                        Locale.ROOT,
                        " %,12.0f %9.4f %7.2f",
                        peerSpeed,
                        median(theirs.stream()
                                .mapToDouble(PeerBenchmark.Result::accuracy)
                                .toArray()),
                        speed / peerSpeed);
            }
            table.add(row);
            speeds.put(model, new double[] {speed, peerSpeed});
            if (profile) {
                printProfile(out, model, ours.get(ours.size() - 1).phases());
            }
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "Medians of %d runs, one epoch of full MNIST each (samples/s of the training loop):%n",
                runs);
        out.printf(
                Locale.ROOT,
                "%-4s %12s %9s %12s %9s %7s%n",
                "",
                "LayerLab/s",
                "accuracy",
                "PyTorch/s",
                "accuracy",
                "ratio");
        table.forEach(out::println);
        if (withPeer) {
            printComputeShare(out, peer, speeds);
        }
        if (busy) {
            out.println("Warning: other processes used more than " + BUSY_CPU_SECONDS
                    + " CPU-s during a run: the machine was busy and these figures are not to be trusted. "
                    + "Repeat on a quiet machine.");
        }
        out.println("Reproduce: java -jar target/layerlab.jar bench --runs " + runs + " --models "
                + String.join(",", models) + " --peer " + peerFolder + (profile ? " --profile" : ""));
        return 0;
    }

    /** Each model's share of the machine's float32 matrix-product limit, and the peer against its reference. */
    private static void printComputeShare(PrintWriter out, PeerBenchmark peer, java.util.Map<String, double[]> speeds)
            throws InterruptedException {
        StringBuilder problem = new StringBuilder();
        Optional<Double> gflops = peer.matmulGflops(problem);
        java.util.Map<String, Double> flops = peer.trainingFlopsPerSample(problem);
        if (gflops.isEmpty() || problem.length() > 0) {
            out.println("Compute limit not measured: " + problem);
            return;
        }
        out.printf(
                Locale.ROOT, "Matrix-product limit of this machine: %.0f GFLOP/s (float32, 2 threads)%n", gflops.get());
        speeds.forEach((model, speed) -> {
            double perSample = flops.getOrDefault(model, Double.NaN);
            out.printf(
                    Locale.ROOT,
                    "%-4s %.2f MFLOP per training sample: LayerLab uses %.0f %% of that limit, PyTorch %.0f %%; "
                            + "the peer ran at %.0f %% of its figure in ../shared/bench/README.md (%,.0f samples/s)%n",
                    model,
                    perSample / 1e6,
                    100 * speed[0] * perSample / (gflops.get() * 1e9),
                    100 * speed[1] * perSample / (gflops.get() * 1e9),
                    100 * speed[1] / PEER_REFERENCE.getOrDefault(model, Double.NaN),
                    PEER_REFERENCE.getOrDefault(model, Double.NaN));
        });
    }

    private static void printProfile(PrintWriter out, String model, BatchPhases phases) {
        out.printf(
                Locale.ROOT,
                "%s profile, microseconds per batch (%d batches, %d worker%s):%n",
                model,
                phases.batches(),
                phases.workers(),
                phases.workers() == 1 ? "" : "s");
        java.util.Map<BatchPhases.Phase, Double> lead = phases.microsPerBatch();
        java.util.Map<BatchPhases.Phase, Double> partner =
                phases.partner().map(p -> p.microsPer(phases.batches())).orElse(java.util.Map.of());
        out.printf(
                Locale.ROOT,
                "  %-36s %9s%s%n",
                "",
                "training",
                partner.isEmpty() ? "" : String.format("%9s", "second"));
        for (BatchPhases.Phase phase : BatchPhases.Phase.values()) {
            if (phase != BatchPhases.Phase.WAIT || !partner.isEmpty()) {
                out.printf(
                        Locale.ROOT,
                        "  %-36s %9.0f%s%n",
                        phase.description(),
                        lead.get(phase),
                        partner.isEmpty() ? "" : String.format(Locale.ROOT, "%9.0f", partner.get(phase)));
            }
        }
        out.printf(
                Locale.ROOT,
                "  %-36s %9.0f%n",
                "total",
                lead.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    private static Figures trainOnce(Dataset mnist, LayerStack stack, int seed) {
        TrainingConfig config = new TrainingConfig(
                OptimizerSettings.defaults(OptimizerKind.ADAM),
                LossKind.SOFTMAX_CROSS_ENTROPY,
                1,
                128,
                0,
                seed,
                org.layerlab.core.training.EarlyStopping.OFF);
        BatchPhases phases = new BatchPhases();
        double busyBefore = Machine.busySeconds().orElse(Double.NaN);
        double ownBefore = Machine.ownSeconds();
        TrainingResult result = new DjlTrainingEngine()
                .train(mnist, stack, config, TrainingObserver.NONE, new TrainingControl(), phases);
        double foreign = Machine.busySeconds().orElse(Double.NaN) - busyBefore - (Machine.ownSeconds() - ownBefore);
        if (result.model() == null) {
            throw new UserError("the benchmark run failed: " + result.message());
        }
        try (TrainedModel model = result.model()) {
            return new Figures(
                    result.epochs().get(0).samplesPerSecond(),
                    model.evaluate(mnist.test()).accuracy(),
                    phases,
                    Math.max(0, foreign));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
