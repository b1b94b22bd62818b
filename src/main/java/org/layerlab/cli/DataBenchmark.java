package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.layerlab.core.data.Dataset;
import org.layerlab.data.DataLoadException;
import org.layerlab.data.DataLoading;
import org.layerlab.data.DataRequest;

/**
 * {@code bench --data FILE}: how long LayerLab takes to load a CSV, and its peak memory, against pandas'
 * {@code read_csv} + {@code to_numpy} on the same file in the same run. Each LayerLab run is a fresh child
 * JVM (same java, class path and -Xmx), so that its peak RSS (VmHWM) is the load's alone; each pandas run is
 * a fresh Debian {@code /usr/bin/python3}, whose peak (ru_maxrss) includes importing pandas.
 */
final class DataBenchmark {
    static final String PYTHON = "/usr/bin/python3";

    /** Prints "seconds rows columns peak_kb"; the file is the first argument. */
    private static final String PANDAS = """
            import resource, sys, time
            import pandas
            start = time.perf_counter()
            values = pandas.read_csv(sys.argv[1]).to_numpy()
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(seconds, values.shape[0], values.shape[1], peak)
            """;

    /** One run of one side: wall seconds of the load, the table's size, peak resident memory. */
    record Measurement(double seconds, long rows, long columns, long peakKb) {}

    private final Path file;
    private final int runs;
    private final boolean withPandas;
    private final PrintWriter out;

    DataBenchmark(Path file, int runs, boolean withPandas, PrintWriter out) {
        this.file = file;
        this.runs = Math.max(1, runs);
        this.withPandas = withPandas;
        this.out = out;
    }

    /**
     * Entry point of the child JVM: loads the file as {@code train} does and prints one measurement (columns:
     * the model's inputs and the label, so a text column counts once per category), or why it could not.
     */
    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        try {
            Dataset data = DataLoading.load(DataRequest.of(args[0]));
            double seconds = (System.nanoTime() - start) / 1e9;
            long columns = data.inputShape()[0] + 1L;
            System.out.println(seconds + " " + data.totalCount() + " " + columns + " " + peakKb());
        } catch (DataLoadException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }

    int run() throws IOException, InterruptedException, DataLoadException {
        if (!Files.isRegularFile(file)) {
            throw new DataLoadException(file + ": no such file; give a CSV file to load.");
        }
        out.println("Machine: " + Machine.describe());
        String problem = withPandas ? pandasProblem() : "skipped (--peer none).";
        if (problem != null) {
            out.println("pandas not run: " + problem);
        }
        List<Measurement> ours = new ArrayList<>();
        List<Measurement> theirs = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Measurement layerLab = measure(layerLabCommand(), "LayerLab");
            ours.add(layerLab);
            print("LayerLab", run, layerLab);
            if (problem == null) {
                Measurement pandas = measure(List.of(PYTHON, "-c", PANDAS, file.toString()), "pandas");
                theirs.add(pandas);
                print("pandas  ", run, pandas);
            }
        }
        summarise(ours, theirs);
        return 0;
    }

    private void summarise(List<Measurement> ours, List<Measurement> theirs) {
        double oursSeconds = median(ours);
        out.printf(
                Locale.ROOT,
                "%nMedians of %d runs, %s: LayerLab %.2f s, peak RSS %,d MB (fresh child JVM, VmHWM; it also "
                        + "splits and standardises)",
                runs,
                file.getFileName(),
                oursSeconds,
                maxPeak(ours) / 1024);
        if (!theirs.isEmpty()) {
            double theirSeconds = median(theirs);
            out.printf(
                    Locale.ROOT,
                    "; pandas %.2f s, peak RSS %,d MB (ru_maxrss, with pandas imported). Ratio LayerLab/pandas: "
                            + "%.2f× the time, %.2f× the memory",
                    theirSeconds,
                    maxPeak(theirs) / 1024,
                    oursSeconds / theirSeconds,
                    (double) maxPeak(ours) / maxPeak(theirs));
        }
        out.println(".");
        out.println("Reproduce: layerlab bench --data " + file + " --runs " + runs + " (pandas side: " + PYTHON
                + " -c \"import pandas; pandas.read_csv('" + file + "').to_numpy()\").");
        out.flush();
    }

    private void print(String side, int run, Measurement m) {
        out.printf(
                Locale.ROOT,
                "run %d: %s %6.2f s, %,d rows × %,d columns, peak RSS %,d MB%n",
                run,
                side,
                m.seconds(),
                m.rows(),
                m.columns(),
                m.peakKb() / 1024);
        out.flush();
    }

    /** The same java and class path as this JVM, with its heap limit, running {@link #main}. */
    private List<String> layerLabCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-Xmx") || argument.startsWith("-Xms"))
                .forEach(command::add);
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), DataBenchmark.class.getName(), file.toString()));
        return command;
    }

    private static Measurement measure(List<String> command, String side)
            throws IOException, InterruptedException, DataLoadException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        String[] last = lastLine(output).split(" ", -1);
        if (status != 0 || last.length != 4) {
            throw new DataLoadException(side + " could not load the file: " + lastLine(output));
        }
        return new Measurement(
                Double.parseDouble(last[0]), Long.parseLong(last[1]), Long.parseLong(last[2]), Long.parseLong(last[3]));
    }

    /** Why pandas cannot run here, or null when it can. */
    private static String pandasProblem() throws InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing (install python3-pandas).";
        }
        try {
            Process process = new ProcessBuilder(PYTHON, "-c", "import pandas")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0 ? null : PYTHON + " has no pandas (install python3-pandas).";
        } catch (IOException e) {
            return PYTHON + " could not be started (" + e.getMessage() + ").";
        }
    }

    /** This process's peak resident memory in KB (VmHWM), or 0 where /proc is not available. */
    static long peakKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        Optional<String> line = Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("VmHWM:"))
                .findFirst();
        return line.map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
    }

    private static String lastLine(String output) {
        return output.strip()
                .lines()
                .reduce((first, second) -> second)
                .orElse("")
                .strip();
    }

    private static double median(List<Measurement> runs) {
        double[] seconds =
                runs.stream().mapToDouble(Measurement::seconds).sorted().toArray();
        int middle = seconds.length / 2;
        return seconds.length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
    }

    private static long maxPeak(List<Measurement> runs) {
        return runs.stream().mapToLong(Measurement::peakKb).max().orElse(0);
    }
}
