package org.layerlab.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a benchmark ran on and how busy that machine was: a speed figure means little without them. Reads
 * Linux's /proc; elsewhere the CPU is "unknown" and the busy figures are not measured.
 */
final class Machine {
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Path LOAD = Path.of("/proc/loadavg");
    private static final Path STAT = Path.of("/proc/stat");
    /** Linux's clock ticks per second for /proc/stat on every common platform (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100;

    private Machine() {}

    /** For example "Intel(R) Xeon(R) Processor, 2 cores, load 0.12 before". */
    static String describe() {
        return String.format(
                Locale.ROOT,
                "%s, %d cores, load average %.2f before, Java %s",
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                load().orElse(Double.NaN),
                System.getProperty("java.version"));
    }

    static String cpuModel() {
        return cpuInfoField("model name").orElse("unknown CPU");
    }

    /** The CPU's feature flags (avx2, avx512f, ...), empty when unknown. */
    static List<String> cpuFlags() {
        return cpuInfoField("flags").map(f -> List.of(f.split(" ", -1))).orElse(List.of());
    }

    /** The one-minute load average, when the system tells it. */
    static Optional<Double> load() {
        try {
            return Optional.of(Double.parseDouble(Files.readString(LOAD).split(" ", -1)[0]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** CPU seconds used by every process so far (busy time of all cores), when the system tells it. */
    static Optional<Double> busySeconds() {
        try {
            String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+", -1);
            long busy = 0;
            for (int i = 1; i < fields.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(fields[i]);
                }
            }
            return Optional.of(busy / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** CPU seconds this JVM has used so far. */
    static double ownSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static Optional<String> cpuInfoField(String name) {
        try {
            for (String line : Files.readAllLines(CPU_INFO)) {
                if (line.startsWith(name) && line.contains(":")) {
                    return Optional.of(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException e) {
            // not Linux: described as unknown
        }
        return Optional.empty();
    }
}
