/**
 * Parameter sweeps without files or threads of their own making: the grid ({@code GridAxis}, {@code SweepGrid}),
 * the jobs of a sweep in canonical order (cell, method, seed: {@code SweepPlan}, {@code SweepJob}), balanced shards
 * ({@code Shard}, {@code CostModel}), the runner ({@code SweepRunner}), what a job produced ({@code JobResult},
 * {@code SweepColumns}) and what the theory predicts per cell ({@code SweepTheory}). What a sweep computes and why is
 * in docs/sweeps.md; the formulas it draws are docs/math.md §4.1, §4.3 and §4.5.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>A job is exactly the {@code core.run.Run} a plain run of the same settings executes (same parameters, same
 *       seed, default recording), so a sweep cell's numbers are those of {@code run}; tests compare them bit for
 *       bit.</li>
 *   <li>Parallelism is across runs, one single-threaded run per core, longest first: a sweep has many independent
 *       runs, and no synchronisation inside a step is needed.</li>
 *   <li>The order of jobs and the assignment of shards (longest-processing-time on a cost estimate) depend only on
 *       the plan, so every machine computes the same disjoint, balanced parts.</li>
 * </ul>
 */
package org.anilexplorer.core.sweep;
