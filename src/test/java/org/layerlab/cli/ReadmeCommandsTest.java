package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README's command table and option lists say what {@code --help} says: a row for every command, and
 * every option of every command named in the README's command-line section.
 */
class ReadmeCommandsTest {
    private static String commandLineSection() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## The command line");
        int end = readme.indexOf("\n## ", start + 1);
        assertTrue(start >= 0 && end > start, "README has a section '## The command line'");
        return readme.substring(start, end);
    }

    @Test
    void everyCommandHasARowAndEveryOptionIsNamed() throws Exception {
        String section = commandLineSection();
        List<String> missing = new ArrayList<>();
        CommandLine cli = new CommandLine(new LayerLabCli());
        for (CommandLine command : cli.getSubcommands().values()) {
            CommandSpec spec = command.getCommandSpec();
            if (!section.contains("| `" + spec.name() + " ") && !section.contains("| `" + spec.name() + "`")) {
                missing.add("a row for " + spec.name());
            }
            for (OptionSpec option : spec.options()) {
                if (!option.usageHelp() && !option.versionHelp() && !section.contains(option.longestName())) {
                    missing.add(spec.name() + " " + option.longestName());
                }
            }
        }
        assertEquals(List.of(), missing, "the README's '## The command line' lacks these");
    }

    @Test
    void everyCommandAndOptionExplainsItselfInHelp() {
        CommandLine cli = new CommandLine(new LayerLabCli());
        List<String> unexplained = new ArrayList<>();
        for (CommandLine command : cli.getSubcommands().values()) {
            CommandSpec spec = command.getCommandSpec();
            if (spec.usageMessage().description().length == 0) {
                unexplained.add(spec.name());
            }
            for (OptionSpec option : spec.options()) {
                if (option.description().length == 0 || option.description()[0].isBlank()) {
                    unexplained.add(spec.name() + " " + option.longestName());
                }
            }
        }
        assertEquals(List.of(), unexplained);
    }

    @Test
    void helpOfEveryCommandExitsZero() {
        for (String name : new CommandLine(new LayerLabCli()).getSubcommands().keySet()) {
            CliTest.Run help = CliTest.run(name, "--help");
            assertEquals(0, help.status(), name + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: layerlab " + name), help.out());
            assertTrue(help.err().isEmpty(), help.err());
        }
        CliTest.Run top = CliTest.run("--help");
        assertEquals(0, top.status());
        assertTrue(top.out().contains("Commands:"), top.out());
    }
}
