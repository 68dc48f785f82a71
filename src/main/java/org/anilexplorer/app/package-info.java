/**
 * The desktop app: JavaFX views over toolkit-free view models, driving {@code core.run} and drawing with the
 * {@code figure} package. It adds no science: every formula shown comes from {@code core} (Λ⋆, the 1/t curve, the
 * 1-GD risk) and every chart is a figure-package model, so the window and the command line draw the same pictures.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>MVVM: {@code app.viewmodel} holds all state and logic as JavaFX properties and plain methods, testable
 *       without a toolkit; {@code app.view} only builds controls and binds. Parameter validation is the core's
 *       ({@code Params.with}, {@code Params.validate}); the panel shows its messages unchanged.</li>
 *   <li>Threads: simulation runs live on {@code core.run}'s threads behind the app's {@code LiveExperiment};
 *       an {@code AnimationTimer} takes the newest immutable view at most once per frame. Speed, pause and single
 *       steps are an {@code IterationGate} that each run's dynamics waits at, which also caps the threads computing
 *       at once to the core count, however many runs a comparison has.</li>
 *   <li>Charts are built and drawn on a background thread (Java2D, the figure package's renderer) and shown as
 *       images while data stream in; a chart the pointer is over, and every chart once the run stops, is handed to
 *       JFreeChart-FX's {@code ChartViewer} for crosshair, zoom and pan. Drawing charts on the UI thread through
 *       {@code FXGraphics2D} cost tens of milliseconds per chart and made frames miss.</li>
 *   <li>The test-risk chart draws what {@code core.run} recorded ({@code RiskRecording}): the exact 1-GD risk and
 *       ridge on the learned features on 200 fixed test tasks of the run's seed, at ten iterations per decade, so a
 *       preset and a seed give the same curve in the window and in {@code risk.csv}. Which curves and theory each
 *       chart shows is {@code figure.FigureRecipes}, shared with the command line's {@code figure}.</li>
 *   <li>Packages: {@code app.sim} (the gate and the launcher) depends on {@code core} only; {@code app.viewmodel}
 *       on it; {@code app.view} on the view models only, never on {@code app.sim}.</li>
 *   <li>Refused parameter values are marked by ControlsFX's {@code ValidationSupport} (icon only, driven by the view
 *       model's validation); it needs no JVM flags on the class path.</li>
 *   <li>Session files ({@code io.SessionCodec}) are the {@code config.json} preset form plus each run's recorded series, so a
 *       session also loads as a preset (in the app and on the command line).</li>
 * </ul>
 */
package org.anilexplorer.app;
