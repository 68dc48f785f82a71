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
 *   <li>Each task's samples are one contiguous block (rows, then labels), which the hardware streams from memory at
 *       full speed; the kernels copy rows into per-row buffers to vectorise (docs/decisions/0038-task-samples-in-one-block.md).</li>
 *   <li>A pool that would not fit in the heap is refused up front with a message naming {@code tasks}, rather than
 *       failing with an out-of-memory error mid-run.</li>
 * </ul>
 */
package org.anilexplorer.core.problem;
