/**
 * The random problem of one run: the ground truth B⋆, B⋆,⊥, μ⋆, Σ⋆, σ² ({@code GroundTruth}), the training tasks
 * ({@code TaskPool}), the learner's start θ₀ = (B₀, w₀) ({@code Initialization}) and the seeded random streams they are
 * drawn from ({@code RandomStreams}). The task model is docs/math.md §2.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>One random stream per purpose (ground truth, task pool, initialisation, test tasks, fresh batches), derived
 *       from the seed, and one sub-stream per task: changing one use of randomness (the number of test tasks, say)
 *       never shifts another, and every method run with the same seed sees the same truth, tasks and start
 *       (docs/decisions/0006-shared-initialisation-per-seed.md, 0007-random-streams-per-purpose.md).</li>
 *   <li>Tasks are stored as one {@code double[d]} per sample row, because the JIT vectorises row updates on separate
 *       arrays but not on offsets into one block (docs/decisions/0002-one-array-per-sample-row.md).</li>
 *   <li>A pool that would not fit in the heap is refused up front with a message naming {@code tasks}, rather than
 *       failing with an out-of-memory error mid-run.</li>
 * </ul>
 */
package org.anilexplorer.core.problem;
