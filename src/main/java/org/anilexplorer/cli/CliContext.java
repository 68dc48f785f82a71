package org.anilexplorer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.anilexplorer.core.run.DynamicsSource;
import org.anilexplorer.io.OutputRefusedException;
import org.anilexplorer.io.ResultSet;

/**
 * What the commands take from their surroundings, so tests can replace it: how dynamics are built, how many cores
 * to use, whether stderr is a terminal (for the progress bar), and how an output folder is opened (tests inject
 * write failures there).
 */
record CliContext(DynamicsSource source, int cores, BooleanSupplier stderrIsTerminal, Output output) {

    /** Opens the result set of an output folder; {@link ResultSet#open} in production. */
    @FunctionalInterface
    interface Output {
        ResultSet open(Path out, boolean overwrite) throws OutputRefusedException, IOException;
    }

    CliContext(DynamicsSource source, int cores, BooleanSupplier stderrIsTerminal) {
        this(source, cores, stderrIsTerminal, ResultSet::open);
    }

    static CliContext system() {
        return new CliContext(DynamicsSource.FACTORY, Runtime.getRuntime().availableProcessors(), CliContext::stderrTerminal);
    }

    /** Java 17 cannot ask about stderr directly; on Linux its descriptor link tells, elsewhere the console does. */
    private static boolean stderrTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (!Files.isSymbolicLink(fd)) {
            return System.console() != null;
        }
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException e) {
            System.getLogger(CliContext.class.getName()).log(System.Logger.Level.DEBUG,
                    "cannot read /proc/self/fd/2; asking the console instead", e);
            return System.console() != null;
        }
    }
}
