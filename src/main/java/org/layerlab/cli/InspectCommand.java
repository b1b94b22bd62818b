package org.layerlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.layerlab.core.data.Dataset;
import org.layerlab.data.DataLoadException;
import org.layerlab.data.DataLoading;
import org.layerlab.data.DataRequests;
import org.layerlab.data.TablePreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "inspect",
        description = "Show what the Data tab shows: the source and format, the rows and columns with their "
                + "statistics (or the images' shape), the classes with their counts, the split and the notes.")
final class InspectCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(
            names = "--validation",
            defaultValue = "0.1",
            paramLabel = "F",
            description = "Share of the rows held out for validation, as train does (default: " + "${DEFAULT-VALUE}).")
    double validation;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed for the split, as train does (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DataLoadException {
        Dataset dataset = DataLoading.load(data.request(validation, seed));
        Optional<Path> table = DataRequests.tableFile(data.source);
        TablePreview preview = table.isPresent() ? TablePreview.read(table.get(), 0) : null;
        PrintWriter out = spec.commandLine().getOut();
        new DataReport(out).print(data.source, dataset, preview);
        return 0;
    }
}
