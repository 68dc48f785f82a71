/**
 * The JavaFX controls: the main window's layout, the parameter panel, transport bar, preset banner, status and
 * message bars, export dialog, and the chart area with its tiles. Views build controls and bind them to
 * {@code app.viewmodel}; they hold no logic of their own.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>One bridge from the simulation to the screen: {@code FrameLoop}, an {@code AnimationTimer} that hands the
 *       newest published view to the charts once per pulse and never waits.</li>
 *   <li>Charts are built and drawn on a background thread ({@code ChartRenderer}) and shown as images while data
 *       stream in; the chart under the pointer, and every chart once the run stops, is handed to JFreeChart-FX's
 *       viewer for crosshair, zoom and pan (docs/decisions/0003-background-chart-rendering.md).</li>
 *   <li>Refused parameter values get ControlsFX's error icon, driven by the view model's validation; the message is
 *       the core's, shown once under the field.</li>
 *   <li>{@code WrappingLabel} breaks lines itself: JavaFX's wrapping misplaces breaks in text with combining marks
 *       such as σ̃.</li>
 * </ul>
 */
package org.anilexplorer.app.view;
