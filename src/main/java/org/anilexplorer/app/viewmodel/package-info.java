/**
 * The window's state and logic without the window: parameters and the compare list
 * ({@code ParametersViewModel}), play/pause/step/reset and speed ({@code TransportViewModel}), chart settings
 * ({@code ChartsViewModel}), the live figure models ({@code LiveFigures}), messages, recent files and frame statistics,
 * gathered by {@code MainViewModel}.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>MVVM: state lives here as JavaFX properties and plain methods, so every behaviour is tested without a
 *       toolkit or a window; {@code app.view} only builds controls and binds to these properties.</li>
 *   <li>Nothing here blocks the UI thread: the runs live behind the simulation package, a frame reads the newest
 *       published view, and figure models can be built from a {@code ChartSettings} copy on a rendering
 *       thread.</li>
 *   <li>No science here: every keystroke goes through {@code Params.with} and {@code Params.validate}, whose messages
 *       are shown unchanged; every chart is built by {@code figure.FigureRecipes}, the recipes the command line's
 *       figures use ({@code LiveFigures} only overlays a figure's panels in one chart).</li>
 *   <li>{@code LiveViews} turns {@code core.run}'s views into versioned {@code LiveView}s (a {@code MethodView} of
 *       {@code RunView}s per method, and an {@code ExperimentState} for the whole), so the views depend on this
 *       package only, never on {@code app.sim}.</li>
 *   <li>The Sweep view ({@code SweepViewModel}) has no sweep code of its own: it builds the command line's
 *       {@code sweep.SweepConfig} from the window's parameters, runs {@code core.sweep.SweepRunner} coarse to fine,
 *       and exports through {@code sweep.SweepCsv} and {@code figure.PhaseFigures}, so its rows and figures are the
 *       {@code sweep} command's (docs/sweeps.md).</li>
 * </ul>
 */
package org.anilexplorer.app.viewmodel;
