package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.layerlab.core.data.Preprocessing;
import org.layerlab.core.training.ModelInfo;
import org.layerlab.core.training.TrainedModel;
import org.layerlab.engine.DjlTrainingEngine;
import org.layerlab.files.FileFormatException;
import org.layerlab.files.ModelBundle;
import org.layerlab.serve.ModelService;
import org.layerlab.serve.ServeOptions;
import org.layerlab.serve.ServedModel;
import org.layerlab.serve.ServiceStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "serve",
        description = "Answer predictions over HTTP until Ctrl-C: POST /v1/predict, GET /v1/model, /health, /metrics, "
                + "and the Open Inference Protocol (v2) of KServe and Triton. Only this machine can reach it unless "
                + "--host says otherwise.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A folder written by train.")
    Path modelFolder;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "" + ServeOptions.DEFAULT_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = ServeOptions.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other address, "
                    + "such as 0.0.0.0, is reachable from the network and needs a bearer token.")
    String host;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "" + ServeOptions.DEFAULT_THREADS,
            description = "Threads that read requests and write answers (default: ${DEFAULT-VALUE}); "
                    + "one more runs the model.")
    int threads;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "Require 'Authorization: Bearer TOKEN' on every request (default: none on this machine, "
                    + "a new random token when reachable from the network).")
    String token;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "The model's name in the v2 URLs (default: the run folder's name).")
    String name;

    @Option(
            names = "--max-body",
            defaultValue = "8M",
            paramLabel = "SIZE",
            description =
                    "Largest request body, in bytes or with K or M (default: ${DEFAULT-VALUE}); larger ones get 413.")
    String maxBody;

    @Option(
            names = "--batch",
            defaultValue = "1",
            paramLabel = "N",
            description = "Run requests that wait at the same time in one forward pass of up to N inputs (default: "
                    + "${DEFAULT-VALUE}, every request on its own, so every answer is bit-identical to predict's).")
    int batch;

    @Option(
            names = "--model-threads",
            defaultValue = "1",
            paramLabel = "N",
            description = "PyTorch threads for a forward pass (default: ${DEFAULT-VALUE}: the request threads need the "
                    + "other cores; measured with bench-serve).")
    int modelThreads;

    @Option(
            names = "--no-prepare",
            description = "Only resize image bodies to the model's size. By default, for a model trained on "
                    + "MNIST-like digits, a digit on a light background is inverted, cropped to its ink, scaled and "
                    + "centred as the training digits were, and the answer says so (\"prepared\").")
    boolean noPrepare;

    @Spec
    CommandSpec spec;

    /** Counted down to stop: by Ctrl-C's shutdown hook, or by a test. */
    final CountDownLatch stopRequested = new CountDownLatch(1);

    @Override
    public Integer call() throws FileFormatException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServeOptions options = options();
        useModelThreads(modelThreads);
        try (TrainedModel model = ModelBundle.load(modelFolder, new DjlTrainingEngine())) {
            ServedModel served = ServedModel.of(name != null ? checkedName(name) : defaultName(), model);
            ModelService service = start(served, options);
            CountDownLatch reported = new CountDownLatch(1);
            Thread hook = new Thread(
                    () -> {
                        stopRequested.countDown();
                        awaitQuietly(reported); // the JVM must not end before the service has stopped
                    },
                    "layerlab-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                printBanner(out, service, served.info());
                stopRequested.await();
                out.println("Stopping…");
                out.flush();
            } finally {
                service.stop();
                ServiceStats stats = service.stats();
                out.printf(
                        Locale.ROOT,
                        "Stopped after %,d requests (%,d errors, %,d predictions).%n",
                        stats.requests(),
                        stats.errors(),
                        stats.samplesPredicted());
                out.flush();
                reported.countDown();
                removeHook(hook);
            }
        }
        return 0;
    }

    private static void printBanner(PrintWriter out, ModelService service, ModelInfo info) {
        int[] shape = info.inputShape();
        String what = info.preprocessing() instanceof Preprocessing.Image
                ? "images " + shape[0] + "×" + shape[1] + "×" + shape[2]
                : info.preprocessing() instanceof Preprocessing.Text ? "text" : "table rows";
        out.printf(
                Locale.ROOT,
                "Serving %s (%s, %d classes) at %s; Ctrl-C stops it.%n",
                service.modelName(),
                what,
                info.classNames().size(),
                service.address());
        if (service.reachableFromNetwork()) {
            out.println("Reachable from the network: every request needs the header 'Authorization: Bearer "
                    + service.token().orElseThrow() + "'.");
        } else if (service.token().isPresent()) {
            out.println("Every request needs the header 'Authorization: Bearer "
                    + service.token().get() + "'.");
        }
        out.println("  " + service.curlExample());
        out.flush();
    }

    /**
     * PyTorch reads its thread count when the engine starts, so this must run before the model loads. One
     * thread: on 2 cores the second PyTorch thread takes the core that reads and answers requests (bench-serve
     * on the MNIST CNN, 8 socket clients, no batching: 1,381 requests/s with 2 threads, 2,680 with 1).
     */
    static void useModelThreads(int threads) {
        if (threads < 1) {
            throw new UserError("--model-threads must be at least 1 but is " + threads + ".");
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    }

    private ServeOptions options() {
        try {
            return new ServeOptions(host, port, threads, token, bytes(maxBody), batch, !noPrepare);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + ".");
        }
    }

    private ModelService start(ServedModel served, ServeOptions options) {
        try {
            return ModelService.start(served, options);
        } catch (BindException e) {
            throw new UserError(host + ":" + port + " cannot be used (" + e.getMessage()
                    + "); choose another port with " + "--port, or 0 for any free one.");
        } catch (UnknownHostException e) {
            throw new UserError("--host " + host + " is not an address of this machine; use 127.0.0.1 (this machine "
                    + "only) or 0.0.0.0 (every network interface).");
        } catch (IOException e) {
            throw new UserError("cannot listen on " + host + ":" + port + " (" + e.getMessage() + ").");
        }
    }

    private String defaultName() {
        Path folder = modelFolder.toAbsolutePath().normalize();
        // train --out RUN writes RUN/model: the run's name says more than "model".
        if (folder.getFileName() != null
                && "model".equals(folder.getFileName().toString())
                && folder.getParent() != null) {
            folder = folder.getParent();
        }
        return ServedModel.nameFrom(
                folder.getFileName() == null ? "model" : folder.getFileName().toString());
    }

    private static String checkedName(String value) {
        if (!ServedModel.nameFrom(value).equals(value)) {
            throw new UserError("--name " + value + " cannot be used in a URL; use letters, digits, '.', '_' and '-'.");
        }
        return value;
    }

    static int bytes(String size) {
        String text = size.strip().toUpperCase(Locale.ROOT);
        int factor = 1;
        if (text.endsWith("K") || text.endsWith("M")) {
            factor = text.endsWith("K") ? 1024 : 1024 * 1024;
            text = text.substring(0, text.length() - 1);
        }
        try {
            long value = Long.parseLong(text) * factor;
            if (value < 1 || value > 1024L * 1024 * 1024) {
                throw new UserError("--max-body " + size + " must be between 1 byte and 1024M.");
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw new UserError("--max-body " + size + " is not a size; write it as 8M, 512K or 100000.");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running and ends by itself.
        }
    }
}
