package org.anilexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.anilexplorer.core.run.DynamicsSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command README.md shows runs as written, in order (a later command may read an earlier one's output), from
 * the root of the clone. Only the sizes shrink: a few iterations, one seed, few tasks and test tasks, and output
 * folders under a temporary directory.
 */
class ReadmeCommandsTest {

    private static final String PREFIX = "java -jar target/anil-explorer.jar";

    @TempDir
    Path dir;

    /** The command lines of README.md's code blocks, without the prefix and trailing comments. */
    static List<List<String>> commands(String readme) {
        List<List<String>> out = new ArrayList<>();
        boolean code = false;
        for (String line : readme.split("\\R")) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            if (!code || !line.startsWith(PREFIX)) {
                continue;
            }
            String args = line.substring(PREFIX.length());
            int comment = args.indexOf(" #");
            args = (comment >= 0 ? args.substring(0, comment) : args).strip();
            if (!args.isEmpty()) {
                out.add(List.of(args.split("\\s+")));
            }
        }
        return out;
    }

    @Test
    void everyReadmeCommandRuns() throws Exception {
        List<List<String>> commands = commands(Files.readString(Path.of("README.md")));
        assertTrue(commands.size() >= 15, "README's commands: " + commands);
        Set<String> outputs = new HashSet<>();
        for (List<String> command : commands) {
            List<String> args = shrink(command, outputs);
            CliHarness.Result r = CliHarness.run(DynamicsSource.FACTORY, args.toArray(String[]::new));
            assertEquals(0, r.code(), String.join(" ", command) + "\n(ran as " + args + ")\n" + r.err());
        }
        assertTrue(Files.isRegularFile(dir.resolve("again").resolve("config.json")),
                "run --preset results/config.json repeated the first run");
    }

    private List<String> shrink(List<String> command, Set<String> outputs) {
        List<String> args = new ArrayList<>();
        String verb = command.get(0);
        boolean experiment = verb.equals("run") || verb.equals("reproduce") || verb.equals("figure");
        for (int i = 0; i < command.size(); i++) {
            String a = command.get(i);
            // the folders of 'sweep merge part1 part2' are earlier outputs
            boolean merged = verb.equals("sweep") && command.contains("merge") && outputs.contains(a);
            args.add(merged ? dir.resolve(a).toString() : a);
            if (i + 1 >= command.size()) {
                continue;
            }
            String value = command.get(i + 1);
            switch (a) {
                case "--out" -> {
                    outputs.add(value);
                    args.add(dir.resolve(value).toString());
                    i++;
                }
                case "--preset" -> {
                    String first = value.contains("/") ? value.substring(0, value.indexOf('/')) : "";
                    args.add(outputs.contains(first) ? dir.resolve(value).toString() : value);
                    i++;
                }
                case "--from" -> {
                    args.add(outputs.contains(value) ? dir.resolve(value).toString() : value);
                    i++;
                }
                case "--checkpoint-every", "--at" -> {
                    args.add("2"); // within the shrunk iteration budget
                    i++;
                }
                case "--slurm" -> {
                    args.add(dir.resolve(value).toString());
                    i++;
                }
                case "--seeds" -> {
                    args.add("1");
                    i++;
                }
                case "--iterations" -> {
                    args.add("50");
                    i++;
                }
                default -> {
                }
            }
        }
        if (verb.equals("sweep") && !command.contains("merge")) {
            args.addAll(List.of("--set", "iterations=4"));
        }
        if (experiment) {
            args.addAll(List.of("--set", "iterations=4", "--set", "tasks=100", "--set", "test_tasks=20", "--quiet"));
        }
        if (verb.equals("bench")) {
            args.addAll(List.of("--warmup", "2"));
            if (!command.contains("--iterations")) {
                args.addAll(List.of("--iterations", "50"));
            }
        }
        return args;
    }
}
