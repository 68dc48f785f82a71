package org.anilexplorer.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * The bash script {@code sweep … --slurm FILE} writes: run on a cluster's login node, it stores the sweep's
 * definition (its config.json, which is a preset with a sweep section) beside the output, submits one Slurm array
 * task per shard ({@code sweep --preset CONFIG --shard I/N}), and a merge job that starts only when every shard
 * succeeded ({@code --dependency=afterok}) and writes the result set to {@code --out}. Shards that a failed attempt
 * finished are kept in their own folders, so submitting the script again redoes only what is missing.
 */
public final class SlurmScript {

    private SlurmScript() {
    }

    /**
     * @param config    the sweep (its shard is ignored)
     * @param java      the java executable to run on the nodes
     * @param classPath the class path holding this program (the jar)
     * @param out       where the merged result set goes (absolute)
     * @param shards    number of array tasks
     * @param options   extra sbatch options, each passed to both submissions
     */
    public static String render(SweepConfig config, String java, String classPath, Path out, int shards,
            List<String> options) {
        String work = out + ".shards";
        StringBuilder opts = new StringBuilder();
        for (String o : options) {
            opts.append(' ').append(quote(o));
        }
        StringBuilder mergeDirs = new StringBuilder();
        for (int i = 1; i <= shards; i++) {
            mergeDirs.append(" \"$WORK/shard-").append(i).append('"');
        }
        String cfg = config.withShard(org.anilexplorer.core.sweep.Shard.ALL).render();
        if (cfg.contains("\nANIL_SWEEP_CONFIG\n")) {
            throw new IllegalStateException("the configuration contains the heredoc delimiter");
        }
        return "#!/usr/bin/env bash\n"
                + "# Submits the sweep \"" + config.preset().title().replace('\n', ' ') + "\" to Slurm:\n"
                + "# " + shards + " array tasks (one shard each) and a merge job that runs once all of them succeeded.\n"
                + "# Written by 'anil-explorer sweep … --slurm'. Run it with bash on the cluster's login node.\n"
                + "set -euo pipefail\n"
                + "JAVA=" + quote(java) + "\n"
                + "CLASSPATH_=" + quote(classPath) + "\n"
                + "OUT=" + quote(out.toString()) + "\n"
                + "WORK=" + quote(work) + "\n"
                + "SHARDS=" + shards + "\n"
                + "if [ -e \"$OUT\" ] && [ -n \"$(ls -A \"$OUT\" 2>/dev/null)\" ]; then\n"
                + "  echo \"error: $OUT is not empty; move it away or choose another --out\" >&2\n"
                + "  exit 2\n"
                + "fi\n"
                + "mkdir -p \"$WORK/logs\"\n"
                + "cat > \"$WORK/sweep-config.json\" <<'ANIL_SWEEP_CONFIG'\n"
                + cfg
                + "ANIL_SWEEP_CONFIG\n"
                + "array_id=$(sbatch --parsable --array=1-$SHARDS --job-name=anil-sweep"
                + " --output=\"$WORK/logs/shard-%a.out\"" + opts + " <<EOF\n"
                + "#!/usr/bin/env bash\n"
                + "set -eu\n"
                + "\"$JAVA\" -Djava.awt.headless=true -cp \"$CLASSPATH_\" org.anilexplorer.Main sweep"
                + " --preset \"$WORK/sweep-config.json\" --shard \"\\$SLURM_ARRAY_TASK_ID/$SHARDS\""
                + " --cores \"\\${SLURM_CPUS_PER_TASK:-1}\" --out \"$WORK/shard-\\$SLURM_ARRAY_TASK_ID\"\n"
                + "EOF\n"
                + ")\n"
                + "array_id=${array_id%%;*}\n"
                + "merge_id=$(sbatch --parsable --dependency=afterok:$array_id --job-name=anil-sweep-merge"
                + " --output=\"$WORK/logs/merge.out\"" + opts + " <<EOF\n"
                + "#!/usr/bin/env bash\n"
                + "set -eu\n"
                + "\"$JAVA\" -Djava.awt.headless=true -cp \"$CLASSPATH_\" org.anilexplorer.Main sweep merge"
                + mergeDirs + " --out \"$OUT\"\n"
                + "EOF\n"
                + ")\n"
                + "merge_id=${merge_id%%;*}\n"
                + "echo \"submitted $SHARDS shards as array job $array_id and the merge as job $merge_id\"\n"
                + "echo \"the results will be in $OUT (logs in $WORK/logs); 'squeue -j $array_id,$merge_id' shows them\"\n";
    }

    /** Single-quotes a word for bash. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
