package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.anilexplorer.core.run.DynamicsSource;

/** Runs the command line in-process with a chosen dynamics source and captures its output. */
final class CliHarness {

    record Result(int code, String out, String err) {

        /** Asserts bad input: exit 2, exactly one stderr line starting with "error:", no stack trace. */
        String usageError() {
            return oneErrorLine(2);
        }

        /** Asserts a runtime failure: exit 1 and a single "error:" line (warnings may precede it). */
        String failure() {
            return oneErrorLine(1);
        }

        private String oneErrorLine(int expectedCode) {
            assertEquals(expectedCode, code, "exit code; stderr was: " + err);
            String[] lines = err.strip().split("\\R");
            long errors = java.util.Arrays.stream(lines).filter(l -> l.startsWith("error:")).count();
            assertEquals(1, errors, "one error line: " + err);
            for (String l : lines) {
                assertTrue(l.startsWith("error: ") || l.startsWith("warning: "), "unexpected stderr line: " + l);
            }
            assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
            return lines[lines.length - 1];
        }
    }

    private CliHarness() {
    }

    static Result run(DynamicsSource source, String... args) {
        return run(new CliContext(source, 2, () -> false), args);
    }

    static Result run(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), context);
        return new Result(code, out.toString(), err.toString());
    }
}
