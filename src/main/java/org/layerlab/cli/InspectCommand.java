package org.layerlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.layerlab.data.DataLoadException;
import org.layerlab.data.DataLoading;
import org.layerlab.data.LoadProgress;
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
        DataLoading.Loaded loaded = DataLoading.load(data.request(validation, seed), 0, LoadProgress.NONE);
        PrintWriter out = spec.commandLine().getOut();
        new DataReport(out)
                .print(data.source, loaded.dataset(), loaded.preview().orElse(null));
        return 0;
    }
}
