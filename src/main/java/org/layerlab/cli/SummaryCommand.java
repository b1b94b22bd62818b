package org.layerlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.layerlab.core.stack.LayerStack;
import org.layerlab.core.stack.ShapeInference;
import org.layerlab.core.stack.StackSummary;
import org.layerlab.core.stack.TensorShape;
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
        description = "Print a stack's layers, output shapes and parameter counts.")
final class SummaryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "STACK.json", description = "The stack file.")
    Path stackFile;

    @Option(
            names = "--input",
            paramLabel = "DIMS",
            split = ",",
            description = "Input shape for a stack that takes it from the data, e.g. 1,28,28.")
    int[] input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws FileFormatException {
        LayerStack stack = StackFile.read(stackFile);
        if (input != null) {
            stack = stack.withInput(TensorShape.of(input));
        }
        StackSummary summary = ShapeInference.summarize(stack);
        spec.commandLine().getOut().print(SummaryTable.render(summary));
        if (stack.input() == null) {
            spec.commandLine().getOut().println("The input shape comes from the data; give --input to see shapes.");
        }
        spec.commandLine().getOut().flush();
        List<String> problems = summary.layers().stream()
                .filter(l -> !l.ok())
                .map(l -> l.problem())
                .toList();
        for (String problem : problems) {
            spec.commandLine().getErr().println("layerlab: " + problem);
        }
        return problems.isEmpty() ? 0 : LayerLabCli.USER_ERROR;
    }
}
