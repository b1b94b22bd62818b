package org.layerlab.cli;

import org.layerlab.data.SampleCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        mixinStandardHelpOptions = true,
        name = "samples",
        description = "List the bundled datasets (use them as --data sample:NAME).")
final class SamplesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        for (SampleCatalog.Sample sample : SampleCatalog.all()) {
            spec.commandLine().getOut().printf("sample:%-10s %s%n", sample.name(), sample.description());
        }
    }
}
