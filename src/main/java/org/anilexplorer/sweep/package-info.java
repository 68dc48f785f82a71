/**
 * The files of a sweep: its definition ({@code SweepConfig}, the {@code sweep} section of a preset:
 * {@code SweepSection}), the rows ({@code sweep.csv}: {@code SweepCsv}), the result set with its summary and phase
 * diagrams ({@code SweepOutput}), the resumable work folder ({@code WorkFolder}) and the Slurm script
 * ({@code SlurmScript}). It sits between {@code figure} and {@code cli}: it uses {@code core.sweep}, {@code io} and
 * the figure package's phase diagrams, and only the {@code sweep} command uses it (docs/sweeps.md).
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>A sweep's {@code config.json} is a preset with a {@code sweep} section, so the same file repeats the sweep,
 *       ships it to the shards of a cluster and lets {@code sweep merge} check that shards belong together
 *       (docs/decisions/0012-one-json-shape.md).</li>
 *   <li>{@code sweep.csv} holds nothing that depends on the clock or the machine: the same sweep gives byte-identical
 *       rows, and merged shards the same rows as one sweep.</li>
 *   <li>Each ended job is written at once to the work folder beside {@code --out}; a crashed, killed or interrupted
 *       sweep resumes by skipping what is there, and the result set appears whole or not at all
 *       (docs/decisions/0016-result-sets-whole-or-not-at-all.md).</li>
 * </ul>
 */
package org.anilexplorer.sweep;
