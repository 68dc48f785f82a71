/**
 * The headless command line (picocli): {@code run}, {@code reproduce table1}, {@code reproduce figures},
 * {@code figure}, {@code bench}, {@code params}, {@code presets}.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>Thin: commands parse, call {@code core.run} and {@code io}, and print. No rule of the science lives here.</li>
 *   <li>One life for every experiment command ({@code ExperimentDriver}): resolve, dry run or take the output
 *       folder, estimate, train with progress, write into the staging folder, put the set in place. Shared options
 *       are picocli mixins ({@code ExperimentOptions}, {@code ImageOptions}).</li>
 *   <li>Errors are one line on stderr starting with "error:", never a stack trace: exit 2 for bad input of any
 *       kind (checked before any work starts, so nothing is written), exit 1 for runtime failures such as a
 *       diverged run (whose complete result files are still written, since they show where it went wrong) or a
 *       failed write (nothing written, an earlier set intact), 130/143 after Ctrl-C/SIGTERM, which keep what was
 *       done ({@code InterruptGuard}).</li>
 *   <li>{@code --set} wins over the preset and over each of its methods: what the user types last is what runs.</li>
 *   <li>Reproductions are presets: {@code reproduce table1} and {@code reproduce figures} run the bundled
 *       {@code table1} and {@code figures-2-3} presets (any preset with {@code --preset}); every calibrated value
 *       lives in the preset, none here. The published numbers come from {@code core.eval.PublishedTable1}; the
 *       figures from the figure package, with Λ⋆ and the 1/t law from {@code core.theory}.</li>
 *   <li>Never loads JavaFX: {@code org.anilexplorer.Main} only reaches the app package when started without
 *       arguments, and nothing here imports it (the architecture test checks the imports).</li>
 * </ul>
 */
package org.anilexplorer.cli;
