package org.anilexplorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.anilexplorer.core.run.DynamicsSource;

/**
 * What the commands take from their surroundings, so tests can replace it: how dynamics are built, how many cores
 * to use, and whether stderr is a terminal (for the progress bar).
 */
record CliContext(DynamicsSource source, int cores, BooleanSupplier stderrIsTerminal) {

    static CliContext system() {
        return new CliContext(DynamicsSource.FACTORY, Runtime.getRuntime().availableProcessors(), CliContext::stderrTerminal);
    }

    /** Java 17 cannot ask about stderr directly; on Linux its descriptor link tells, elsewhere the console does. */
    private static boolean stderrTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
