package org.anilexplorer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.run.Experiment.RunPlan;
import org.anilexplorer.core.run.RunCheckpoint;
import org.anilexplorer.core.run.Variant;
import org.anilexplorer.io.CheckpointFiles;
import org.anilexplorer.io.CheckpointFormatException;
import org.anilexplorer.io.ResultFiles;

/**
 * {@code run --from DIR --at T}: every method and seed of the result set DIR continues from its checkpoint at
 * iteration T, under DIR's configuration with the command's {@code --set}s. Everything that cannot work is a usage
 * error naming what to change: a folder that is no result set or has no checkpoints, a T that is not a checkpoint
 * of every run (the message lists those that are), other seeds, or a parameter that cannot change at a branch.
 *
 * @param dir the result set to continue
 * @param at  the checkpoint iteration T to continue from
 */
record Continuation(Path dir, long at) {

    /** DIR's configuration, which the continuation resolves like a preset. */
    String preset() {
        Path config = dir.resolve(ResultFiles.CONFIG);
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--from " + dir + ": no such folder");
        }
        if (!Files.isRegularFile(config)) {
            throw new UsageException("--from " + dir + ": is not a result set (it has no " + ResultFiles.CONFIG + ")");
        }
        return config.toString();
    }

    /** The runs, in the order of DIR's results: seed by seed, every method of a seed together. */
    List<RunPlan> plans(List<Variant> variants, List<Long> seeds, Map<String, String> settings) {
        for (String fixed : List.of("seed", "seeds")) {
            if (settings.containsKey(fixed)) {
                org.anilexplorer.core.params.Params own = ExperimentDriver.loadPreset(preset()).params();
                throw new UsageException("--set " + fixed + ": cannot change when continuing " + dir + " (its runs are "
                        + "seeds " + java.util.stream.IntStream.range(0, own.seeds()).mapToLong(own::seedOf)
                                .mapToObj(String::valueOf).collect(Collectors.joining(", ")) + ")");
            }
        }
        Map<Long, Set<CheckpointFiles.RunId>> index;
        try {
            index = CheckpointFiles.index(dir);
        } catch (IOException e) {
            throw new UsageException("--from " + dir + ": cannot read its " + CheckpointFiles.FOLDER + " folder ("
                    + e.getMessage() + ")");
        }
        if (index.isEmpty()) {
            throw new UsageException("--from " + dir + ": holds no checkpoints; make them with 'run … "
                    + "--checkpoint-every N'");
        }
        Set<CheckpointFiles.RunId> every = new TreeSet<>();
        for (int s = 0; s < seeds.size(); s++) {
            for (int v = 0; v < variants.size(); v++) {
                every.add(new CheckpointFiles.RunId(v, seeds.get(s)));
            }
        }
        List<Long> complete = index.entrySet().stream().filter(e -> e.getValue().containsAll(every))
                .map(Map.Entry::getKey).toList();
        if (!complete.contains(at)) {
            throw new UsageException("--at " + at + ": " + dir + " has no checkpoint of every run at iteration " + at
                    + "; " + (complete.isEmpty() ? "no iteration has one of every run"
                            : "available: " + complete.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        List<RunPlan> plans = new ArrayList<>();
        for (Long seed : seeds) {
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                RunCheckpoint from = read(new CheckpointFiles.RunId(v, seed));
                try {
                    plans.add(RunPlan.continuing(variant, from.branch(variant.label(), variant.params())));
                } catch (ParamException e) {
                    throw new UsageException((variants.size() > 1 ? variant.label() + ": " : "") + "--set "
                            + e.getMessage());
                }
            }
        }
        return plans;
    }

    private RunCheckpoint read(CheckpointFiles.RunId id) {
        try {
            return CheckpointFiles.read(dir, id, at);
        } catch (CheckpointFormatException e) {
            throw new UsageException("--from " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("--from " + CheckpointFiles.file(dir, id, at) + ": cannot read it ("
                    + e.getMessage() + ")");
        }
    }
}
