/**
 * The parameters of one experiment: {@link org.anilexplorer.core.params.Params} (immutable, seed included) and
 * {@link org.anilexplorer.core.params.ParamSpec}, the table of every parameter's key, paper symbol, meaning and
 * allowed range, plus the small value types they use ({@code Count} for counts that may be infinite,
 * {@code TaskSpectrum} for Σ⋆, {@code DoubleList}, {@code InitScheme}, {@code HeadStep}) and the training methods
 * ({@code Algorithm}).
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>One key per parameter, used alike by presets, sessions, {@code --set}, the {@code params} command and the
 *       app's panel, so a setting means the same thing everywhere and a preset written by one front runs in the
 *       other.</li>
 *   <li>Values are parsed from text in one place ({@link org.anilexplorer.core.params.Params#with}), with one-line
 *       messages naming the key and its allowed range; cross-field rules and the non-blocking warnings for the
 *       conditions of Theorem 1 are in {@link org.anilexplorer.core.params.Params#validate} (docs/math.md §4.2).</li>
 *   <li>"inf" is a value of the sample and task counts rather than a separate switch: it selects the population
 *       (expectation) version of the same method (docs/math.md §2.3, §3.5, §3.6).</li>
 *   <li>Moving: each parameter's range is still written twice (prose in {@code ParamSpec}, numbers in
 *       {@code Params.with}); {@code ParamSpec} is becoming the single source of key, default, range, parser and
 *       help text, and {@code Algorithm} is moving to {@code core.algo} with its properties (meta-learning or not,
 *       evaluated with 1-GD or not).</li>
 * </ul>
 */
package org.anilexplorer.core.params;
