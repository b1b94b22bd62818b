package org.layerlab.engine;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.layerlab.core.stack.StackSummary;
import org.layerlab.core.training.MemoryBudget;
import org.layerlab.core.training.TrainingConfig;

/** The memory of the machine LayerLab runs on (a container's limit inside one), as the JDK reports it. */
public final class MachineMemory {

    private MachineMemory() {}

    /** The share of this machine's physical memory LayerLab may use. */
    public static MemoryBudget budget() {
        // The JDK's own extension of the MXBean (module jdk.management, which the installer bundles).
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return MemoryBudget.shareOf(os.getTotalMemorySize());
    }

    /** Why {@code summary} cannot train with {@code config} on this machine; empty when it fits. */
    public static Optional<String> refusal(StackSummary summary, TrainingConfig config) {
        return budget().refusal(summary, config);
    }
}
