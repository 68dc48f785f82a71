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
 *       are shown unchanged; every chart is a {@code figure} model with theory from {@code core.theory}. Moving: the
 *       figure recipes still in {@code LiveFigures} (which Λ⋆ levels, where the 1/t curve is anchored) are moving to
 *       the {@code figure} package, so the app and the command line draw one recipe.</li>
 * </ul>
 */
package org.anilexplorer.app.viewmodel;
