/**
 * The parameters of one experiment: {@link org.anilexplorer.core.params.Params} (immutable, seed included) and
 * {@link org.anilexplorer.core.params.ParamSpec}, the table of every parameter's key, paper symbol, meaning, type
 * with its allowed range and parser ({@code ValueType}), default and the reason for its limits, plus the small value
 * types they use ({@code Count} for counts that may be infinite, {@code TaskSpectrum} for Σ⋆, {@code DoubleList},
 * {@code InitScheme}, {@code HeadStep}) and the training methods with their properties ({@code Algorithm}).
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>One key per parameter, used alike by presets, sessions, {@code --set}, the {@code params} command and the
 *       app's panel, so a setting means the same thing everywhere and a preset written by one front runs in the
 *       other.</li>
 *   <li>Values are parsed from text in one place, the entry's {@code ValueType}, with one-line messages naming the key
 *       and its allowed range; cross-field rules and the non-blocking warnings for the conditions of Theorem 1 are in
 *       {@link org.anilexplorer.core.params.Params#validate} (docs/math.md §4.2).</li>
 *   <li>What differs between methods (meta-learning or not, which test estimators and which theory apply) is asked
 *       of {@code Algorithm}'s properties, never decided by listing methods elsewhere (docs/math.md §6.6).</li>
 *   <li>"inf" is a value of the sample and task counts rather than a separate switch: it selects the population
 *       (expectation) version of the same method (docs/math.md §2.3, §3.5, §3.6).</li>
 * </ul>
 */
package org.anilexplorer.core.params;
