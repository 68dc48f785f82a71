/**
 * Runs and experiments: drives {@link org.anilexplorer.core.algo.Dynamics} through time, without a screen or files.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>A {@link org.anilexplorer.core.run.Run} owns one dynamics on one thread; readers get immutable
 *       {@link org.anilexplorer.core.run.RunView}s. The series is append-only, so publishing a new view shares the
 *       backing array and costs one small object: the UI may take the newest view every frame without copying.</li>
 *   <li>{@link org.anilexplorer.core.run.Experiment} runs variants × seeds on min(cores, runs) threads and gives each
 *       dynamics cores / that many worker threads, so the machine is used but never oversubscribed.</li>
 *   <li>Divergence is checked after every step from the cheap {@code magnitude()}, not at record times, so a run
 *       stops at the iteration where it blew up and never records a non-finite snapshot; the reason names the
 *       likely parameter and a value to try ({@link org.anilexplorer.core.run.Divergence}).</li>
 *   <li>No convergence stop by default: unlearning B⋆,⊥ is a slow 1/t process, and stopping when curves look flat
 *       would hide exactly what the papers are about (docs/math.md §8).</li>
 *   <li>Every recorded series goes through this package, so it is the one home of the rules both fronts need about
 *       runs: the recording schedule's use, divergence, the test risk over iterations on its own fixed schedule
 *       ({@link org.anilexplorer.core.run.RiskRecording}, docs/math.md §6.7) and the test-time evaluation of finished
 *       runs; mean ± sd over seeds is {@code core.stats} (docs/math.md §7.1).</li>
 *   <li>A run's complete state at t is a {@link org.anilexplorer.core.run.RunCheckpoint}: the dynamics' own state,
 *       the schedules' positions and the record so far, but no random stream, since every draw is indexed by task or
 *       iteration; {@link org.anilexplorer.core.run.Run#continuing} repeats the original bit for bit or branches
 *       under changed parameters, and {@link org.anilexplorer.core.run.CheckpointStore} keeps states within a byte
 *       budget (docs/architecture.md §3.1, docs/decisions/0034-checkpoints-and-exact-continuation.md).</li>
 * </ul>
 */
package org.anilexplorer.core.run;
