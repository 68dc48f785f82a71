/**
 * ANIL Explorer: a simulator of first-order ANIL and its baselines on linear shared-representation tasks, as a
 * JavaFX desktop app and a headless command line over one engine. {@link org.anilexplorer.Main} is the jar's entry
 * point: with arguments it runs the command line, without it opens the window.
 *
 * <p>Layers, each using only those to its left: {@code core} ← {@code io} ← {@code figure} ← {@code cli} and
 * {@code app}. {@code core} is the science (no JavaFX, AWT, charting or files); {@code io} reads presets and writes
 * results; {@code figure} turns recorded runs into charts and image files; {@code cli} and {@code app} are the two
 * fronts and hold no rule of the science. {@code docs/architecture.md} draws the picture and {@code docs/math.md}
 * lists every formula.
 *
 * <p>Decision: {@code Main} reaches the app package only when started without arguments, so the command line never
 * loads JavaFX (the jar runs headless on a server); see {@code docs/decisions/0001-class-path-javafx.md} for why the
 * app is started through a plain launcher class on the class path.
 */
package org.anilexplorer;
