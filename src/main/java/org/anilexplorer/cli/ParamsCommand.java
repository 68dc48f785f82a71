package org.anilexplorer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.anilexplorer.core.params.ParamSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists every parameter key with its symbol, default, allowed range and meaning (from {@link ParamSpec}). */
@Command(name = "params", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the parameters that presets and --set accept, with defaults and allowed values.")
final class ParamsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--markdown", description = "Print the table of README's Parameters section instead.")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(ParamSpec.markdownTable());
            out.flush();
            return Cli.OK;
        }
        for (ParamSpec p : ParamSpec.values()) {
            String symbol = p.symbol().isEmpty() ? "" : " (" + p.symbol() + ")";
            out.printf("%-18s default %-10s %s%n", p.key(), p.defaultText().isEmpty() ? "\"\"" : p.defaultText(), p.allowed());
            out.printf("%-18s %s%s%n", "", p.meaning(), symbol);
            if (!p.limitReason().isEmpty()) {
                out.printf("%-18s limits: %s%n", "", p.limitReason());
            }
        }
        return Cli.OK;
    }
}
