package org.anilexplorer.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The headless command line: {@code run}, {@code reproduce}, {@code figure}, {@code bench}, {@code params},
 * {@code presets}. Exit codes: 0 success, 1 a runtime failure (divergence, I/O), 2 bad input, 130/143 stopped by a
 * signal. Every error is one line on stderr starting with "error:".
 */
@Command(name = "anil-explorer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Simulate meta-learning of a shared linear representation (FO-ANIL, FO-MAML, ANIL, MAML, "
                + "Burer–Monteiro, average loss). Without arguments the desktop app starts.",
        footer = {"", "Run 'anil-explorer COMMAND --help' for a command's options."})
public final class Cli implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** After Ctrl-C (the process itself ends with 130 for SIGINT, 143 for SIGTERM, as the JVM sets it). */
    public static final int INTERRUPTED = 130;

    /** The exit codes, for every experiment command's help. */
    static final String EXIT_CODES = "Exit codes: 0 done; 1 a run diverged or failed (the files are still written, "
            + "summary.json says why) or the files could not be written (the folder is left as it was); 2 bad input, "
            + "nothing written; 130/143 stopped by Ctrl-C/SIGTERM (what was done is kept).";

    @Spec
    CommandSpec spec;

    private Cli() {
    }

    /** Runs the command line on the real console and dynamics. */
    public static int execute(String[] args) {
        // figures are drawn off screen; never ask for a display
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return execute(args, out, err, CliContext.system());
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
        CommandLine cl = commandLine(context);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine cl = new CommandLine(new Cli());
        cl.addSubcommand("run", new RunCommand(context));
        cl.addSubcommand("bench", new BenchCommand(context));
        cl.addSubcommand("params", new ParamsCommand());
        cl.addSubcommand("presets", new PresetsCommand());
        CommandLine reproduce = new CommandLine(new ReproduceCommand());
        reproduce.addSubcommand("table1", new ReproduceTable1Command(context));
        reproduce.addSubcommand("figures", new ReproduceFiguresCommand(context));
        cl.addSubcommand("reproduce", reproduce);
        cl.addSubcommand("figure", new FigureCommand(context));
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine where = ex.getCommandLine();
            where.getErr().println("error: " + oneLine(ex.getMessage()) + " (see '" + where.getCommandSpec().qualifiedName()
                    + " --help')");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, where, parseResult) -> {
            if (ex instanceof UsageException) {
                where.getErr().println("error: " + oneLine(ex.getMessage()));
                return USAGE;
            }
            if (ex instanceof RuntimeFailure) {
                where.getErr().println("error: " + oneLine(ex.getMessage()));
                return FAILURE;
            }
            String m = ex.getMessage();
            where.getErr().println("error: internal error: " + ex.getClass().getSimpleName()
                    + (m == null ? "" : ": " + oneLine(m)));
            return FAILURE;
        });
        return cl;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public Integer call() {
        throw new UsageException("a command is required: run, reproduce, figure, bench, params or presets (see 'anil-explorer --help')");
    }
}
