/**
 * Figures: recorded runs → plain figure models → JFreeChart charts → PNG (with text metadata), SVG, CSV. Shared by
 * the desktop app (which shows {@link org.anilexplorer.figure.FigureCharts#chart} in a JFreeChart-FX ChartViewer) and
 * the command line (which writes files). Uses JFreeChart, JFreeSVG and AWT; never JavaFX.
 *
 * <p>Decisions:
 * <ul>
 *   <li>The model ({@link org.anilexplorer.figure.FigureModel}, {@link org.anilexplorer.figure.CompositeFigure}) is
 *       immutable data without JFreeChart types, keeps every recorded point, and is filtered for log axes only when
 *       drawn ({@link org.anilexplorer.figure.FigureModel#plottable()}), so toggling a scale never loses data and the
 *       CSV holds everything.</li>
 *   <li>Multi-panel figures are one model per panel plus a composite drawn side by side with aligned plot frames and
 *       one shared legend: the panels need independent y axes, which JFreeChart's combined plots cannot give
 *       side by side.</li>
 *   <li>Axis ranges are computed here ({@code DataBounds}), so theory levels are always in view and a std band whose
 *       lower edge is ≤ 0 does not stretch a log axis; the band is cut at the frame instead.</li>
 *   <li>Log axes label decades as 10ⁿ with Unicode superscripts (plain text, searchable in SVG).</li>
 *   <li>Colours: Okabe–Ito, one per method, fixed by the caller's {@link org.anilexplorer.figure.MethodRuns#rgb()}
 *       so a method keeps its colour across figures; theory is dark grey and dashed.</li>
 * </ul>
 */
package org.anilexplorer.figure;
