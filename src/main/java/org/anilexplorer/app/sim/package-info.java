/**
 * The app's side of the simulation: opens experiments on {@code core.run} ({@code CoreExperimentLauncher}), paces
 * and pauses their runs ({@code IterationGate}, {@code GatedDynamics}), and publishes what they recorded as one
 * immutable {@code ExperimentView} for the UI. Nothing here draws or binds to controls.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>The simulation never waits for the screen and the screen never waits for the simulation: runs publish
 *       immutable views, the UI takes the newest one at most once per frame ({@code app.view.FrameLoop}).</li>
 *   <li>Speed, pause and single steps are a gate each run waits at before a step, not a sleeping thread: the gate
 *       raises its limit by one frame's worth of iterations per frame, and lets at most cores − 1 runs compute at
 *       once, in time slices, so all curves of a comparison grow together and a core stays free for the window.</li>
 *   <li>{@code ExperimentLauncher} is the seam tests replace with a fake; the real one builds a
 *       {@code core.run.Experiment} whose runs' dynamics are wrapped in {@code GatedDynamics}.</li>
 *   <li>Moving: {@code core.run} now records every run's test risk over iterations (docs/math.md §6.7); the app's own
 *       copy ({@code GatedDynamics}'s 1-GD risk, {@code RidgeRiskTracker}) is being replaced by it. The app's
 *       {@code ExperimentView}, {@code ExperimentDriver} and {@code RunStatus}, which share names with core types,
 *       and the import cycle with {@code app.viewmodel} and {@code app.files}, are being removed in the same
 *       refactoring.</li>
 * </ul>
 */
package org.anilexplorer.app.sim;
