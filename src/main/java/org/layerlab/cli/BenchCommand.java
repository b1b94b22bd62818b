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
            names = "--data",
            paramLabel = "FILE",
            description = "Measure loading the CSV FILE against pandas' read_csv instead of training.")
    Path dataFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (dataFile != null) {
            return new DataBenchmark(dataFile, runs, !"none".equals(peerFolder), out).run();
        }
        Dataset mnist = DataLoading.load(DataRequest.of("sample:mnist").withSplit(new Split(0, 0, 1)));
        PeerBenchmark peer = new PeerBenchmark(Path.of(peerFolder));
        boolean withPeer = !"none".equals(peerFolder) && peer.available();
        if (!withPeer) {
            out.println("Peer not run: no PyTorch peer scripts in " + peerFolder + ".");
        }
        List<String> table = new ArrayList<>();
        for (String model : models) {
            LayerStack stack = StackFile.read(SampleCatalog.root().resolve("stacks/mnist-" + model + ".json"));
            double[] ours = new double[runs];
            double[] oursAccuracy = new double[runs];
            List<Double> theirs = new ArrayList<>();
            List<Double> theirsAccuracy = new ArrayList<>();
            StringBuilder peerProblem = new StringBuilder();
            for (int run = 1; run <= runs; run++) {
                double[] result = trainOnce(mnist, stack, run);
                ours[run - 1] = result[0];
                oursAccuracy[run - 1] = result[1];
                out.printf(
                        Locale.ROOT,
                        "%s run %d: LayerLab %,.0f samples/s, test accuracy %.4f%n",
                        model,
                        run,
                        result[0],
                        result[1]);
                out.flush();
                if (withPeer && peerProblem.length() == 0) {
                    Optional<double[]> peerResult = peer.run(model, run, peerProblem);
                    if (peerResult.isPresent()) {
                        theirs.add(peerResult.get()[0]);
                        theirsAccuracy.add(peerResult.get()[1]);
                        out.printf(
                                Locale.ROOT,
                                "%s run %d: PyTorch  %,.0f samples/s, test accuracy %.4f%n",
                                model,
                                run,
                                peerResult.get()[0],
                                peerResult.get()[1]);
                    } else {
                        out.println("Peer not run: " + peerProblem);
                    }
                    out.flush();
                }
            }
            double speed = median(ours);
            String row = String.format(Locale.ROOT, "%-4s %,12.0f %9.4f", model, speed, median(oursAccuracy));
            if (!theirs.isEmpty()) {
                double peerSpeed =
                        median(theirs.stream().mapToDouble(Double::doubleValue).toArray());
                row += String.format(
                        Locale.ROOT,
                        " %,12.0f %9.4f %7.2f",
                        peerSpeed,
                        median(theirsAccuracy.stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray()),
                        speed / peerSpeed);
            }
            table.add(row);
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
        out.println("Reproduce: java -jar target/layerlab.jar bench --runs " + runs + " --models "
                + String.join(",", models) + " --peer " + peerFolder);
        return 0;
    }

    private static double[] trainOnce(Dataset mnist, LayerStack stack, int seed) {
        TrainingConfig config = new TrainingConfig(
                OptimizerSettings.defaults(OptimizerKind.ADAM),
                LossKind.SOFTMAX_CROSS_ENTROPY,
                1,
                128,
                0,
                seed,
                org.layerlab.core.training.EarlyStopping.OFF);
        TrainingResult result =
                new DjlTrainingEngine().train(mnist, stack, config, TrainingObserver.NONE, new TrainingControl());
        if (result.model() == null) {
            throw new UserError("the benchmark run failed: " + result.message());
        }
        try (TrainedModel model = result.model()) {
            return new double[] {
                result.epochs().get(0).samplesPerSecond(),
                model.evaluate(mnist.test()).accuracy()
            };
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
