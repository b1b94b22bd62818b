package org.layerlab.cli;

import java.util.Locale;
import org.layerlab.core.stack.LayerLabel;
import org.layerlab.core.stack.LayerSummary;
import org.layerlab.core.stack.StackSummary;
import org.layerlab.core.training.MemoryBudget;
import org.layerlab.core.training.MemoryEstimate;

/** A Keras-style text table of a stack: layer, output shape, parameters, then the total. */
final class SummaryTable {
    private static final String ROW = "%-4s %-26s %-18s %12s%n";

    private SummaryTable() {}

    static String render(StackSummary summary) {
        StringBuilder text = new StringBuilder();
        String rule = "-".repeat(63) + System.lineSeparator();
        text.append(String.format(Locale.ROOT, ROW, "#", "Layer", "Output shape", "Parameters"));
        text.append(rule);
        text.append(String.format(
                Locale.ROOT,
                ROW,
                "",
                "Input",
                summary.input() == null ? "(from data)" : summary.input().toString(),
                ""));
        for (LayerSummary layer : summary.layers()) {
            String shape = layer.output() == null
                    ? (layer.ok() ? "?" : "error")
                    : layer.output().toString();
            String params = layer.output() == null ? "" : String.format(Locale.ROOT, "%,d", layer.parameters());
            text.append(String.format(Locale.ROOT, ROW, layer.number(), LayerLabel.of(layer.layer()), shape, params));
        }
        text.append(rule);
        text.append(String.format(Locale.ROOT, "Total parameters: %,d%n", summary.totalParameters()));
        return text.toString();
    }

    /** "Memory: about 532 MB to train with Adam in batches of 128; LayerLab may use 6.0 GB of this machine's 8.0 GB." */
    static String memoryLine(MemoryEstimate estimate, MemoryBudget budget) {
        return "Memory: " + estimate.describe() + "; LayerLab may use " + MemoryEstimate.bytes(budget.usableBytes())
                + " of this machine's " + MemoryEstimate.bytes(budget.machineBytes()) + "." + System.lineSeparator();
    }
}
