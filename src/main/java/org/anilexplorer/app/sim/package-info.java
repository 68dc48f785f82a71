/**
 * The app's side of the simulation: opens experiments on {@code core.run} ({@code CoreExperimentLauncher}), paces
 * and pauses their runs ({@code IterationGate}, {@code GatedDynamics}), and hands out {@code core.run}'s own immutable
 * {@code ExperimentView} of what they recorded ({@code LiveExperiment.latest}). It depends on {@code core} only;
 * {@code app.viewmodel} turns the views into what the window shows. Nothing here draws or binds to controls.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>The simulation never waits for the screen and the screen never waits for the simulation: runs publish
 *       immutable views, the UI takes the newest one at most once per frame ({@code app.view.FrameLoop}).</li>
 *   <li>Speed, pause and single steps are a gate each run waits at before a step, not a sleeping thread: the gate
 *       raises its limit by one frame's worth of iterations per frame, and lets at most as many threads compute at
 *       once as there are cores, runs taking turns in time slices, so all curves of a comparison grow together and
 *       the window's threads, which sleep between frames, compete with no more than one thread per core.</li>
 *   <li>{@code ExperimentLauncher} is the seam tests replace with a fake; the real one builds a
 *       {@code core.run.Experiment} whose runs' dynamics are wrapped in {@code GatedDynamics}.</li>
 *   <li>The gate wraps each dynamics as a {@code ForwardingDynamics}, so the runs are measured and their test risk
 *       recorded by exactly the code the command line uses (the risk is {@code core.run}'s, not the app's).</li>
 * </ul>
 */
package org.anilexplorer.app.sim;
