/**
 * The training methods, one {@link org.anilexplorer.core.algo.Dynamics} per run: FO-ANIL, FO-MAML, exact ANIL and
 * MAML on N tasks ({@code FiniteMetaLearning}), FO-ANIL with infinite samples ({@code FoAnilInfiniteSamples}), FO-ANIL
 * with infinitely many tasks ({@code InfiniteTaskDynamics}), Burer–Monteiro ({@code BurerMonteiro}) and the
 * average-loss baseline ({@code AverageLoss}), created by {@link org.anilexplorer.core.algo.DynamicsFactory}. Their
 * formulas are docs/math.md §3.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>A step allocates nothing and is bit-identical for any thread count: per-task work is cut into a fixed number
 *       of chunks that depends only on the problem size, and the chunks' partial sums are reduced in chunk order.
 *       Reproducibility by seed then holds on any machine, and tests compare runs exactly.</li>
 *   <li>The finite-N meta-learning step is one fused kernel for all four methods that streams once through each
 *       task's rows (docs/math.md §3.4); a plain per-task transcription lives in the tests as the oracle it is
 *       checked against.</li>
 *   <li>Infinite samples on N tasks use the heads' empirical moments (docs/math.md §3.5) and infinitely many tasks
 *       the coordinates (P, R, w) (§3.7), so neither costs more with N or d.</li>
 *   <li>Each dynamics keeps ‖B‖_F² + ‖w‖² up to date so the run can check divergence after every step for free
 *       (docs/math.md §8), and counts its floating-point operations for the benchmark.</li>
 *   <li>Worker threads belong to the dynamics and stop on {@code close()}, or when the dynamics becomes unreachable.</li>
 * </ul>
 */
package org.anilexplorer.core.algo;
