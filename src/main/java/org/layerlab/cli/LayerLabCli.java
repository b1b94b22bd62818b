package org.layerlab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.layerlab.errors.FailureSentence;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code layerlab <command> ...}. Every failure ends in one readable line. */
@Command(
        name = "layerlab",
        mixinStandardHelpOptions = true,
        version = "LayerLab 0.1.0",
        description = "A machine-learning workbench for students: train, evaluate and try neural networks.",
        subcommands = {
            TrainCommand.class,
            InspectCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            ExportCommand.class,
            SummaryCommand.class,
            SamplesCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            ServeBenchCommand.class
        })
public final class LayerLabCli implements Runnable {
    static final int USER_ERROR = 1;
    static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Explains that the window cannot open here; returns the exit status. */
    public static int reportNoWindow(String reason) {
        System.err.println("layerlab: cannot open the window (" + reason + "); on a machine without a display use "
                + "the command line (add --help to see its commands).");
        return USER_ERROR;
    }

    /** Runs the CLI on the console and returns the exit status. */
    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(args, out, err);
    }

    /** Runs the CLI with the given streams and returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LayerLabCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println(
                    "layerlab: " + e.getMessage() + " (see 'layerlab " + commandName(e.getCommandLine()) + "--help')");
            err.flush();
            return USAGE_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("layerlab: " + describe(e));
            err.flush();
            return USER_ERROR;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    private static String commandName(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        return "layerlab".equals(name) ? "" : name + " ";
    }

    static String describe(Throwable e) {
        return FailureSentence.forTerminal(e);
    }
}
