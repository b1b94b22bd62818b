package org.layerlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.ShapeInference;
import org.layerlab.core.stack.StackSummary;
import org.layerlab.core.stack.TensorShape;
import org.layerlab.core.training.MemoryBudget;
import org.layerlab.core.training.MemoryEstimate;
import org.layerlab.core.training.OptimizerKind;
import org.layerlab.engine.MachineMemory;
import org.layerlab.files.FileFormatException;
import org.layerlab.files.StackFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "summary",
        description = "Print a stack's layers, output shapes, parameter counts and the memory training it needs.")
final class SummaryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "STACK.json", description = "The stack file.")
    Path stackFile;

    @Option(
            names = "--input",
            paramLabel = "DIMS",
            split = ",",
            description = "Input shape for a stack that takes it from the data, e.g. 1,28,28.")
    int[] input;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "128",
            description = "Samples per step, for the memory estimate (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--optimizer",
            paramLabel = "NAME",
            defaultValue = "adam",
            description = "adam, sgd, momentum, adagrad or rmsprop, for the memory estimate: Adam keeps two values "
                    + "per parameter, SGD none (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws FileFormatException {
        OptimizerKind optimizerKind = optimizerKind();
        if (batchSize < 1) {
            throw new UserError("--batch-size must be at least 1 but is " + batchSize + ".");
        }
        LayerStack stack = StackFile.read(stackFile);
        if (input != null) {
            stack = stack.withInput(TensorShape.of(input));
        }
        StackSummary summary = ShapeInference.summarize(stack);
        spec.commandLine().getOut().print(SummaryTable.render(summary));
        if (stack.input() == null) {
            spec.commandLine()
                    .getOut()
                    .println("The input shape comes from the data; give --input to see shapes and memory.");
        }
        List<String> problems = new ArrayList<>(summary.layers().stream()
                .filter(l -> !l.ok())
                .map(l -> l.problem())
                .toList());
        if (summary.valid()) {
            MemoryEstimate estimate = MemoryEstimate.of(summary, optimizerKind, batchSize);
            MemoryBudget budget = MachineMemory.budget();
            spec.commandLine().getOut().print(SummaryTable.memoryLine(estimate, budget));
            budget.refusal(estimate).ifPresent(problems::add);
        }
        spec.commandLine().getOut().flush();
        for (String problem : problems) {
            spec.commandLine().getErr().println("layerlab: " + problem);
        }
        return problems.isEmpty() ? 0 : LayerLabCli.USER_ERROR;
    }

    private OptimizerKind optimizerKind() {
        try {
            return OptimizerKind.fromName(optimizer);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + ".");
        }
    }
}
