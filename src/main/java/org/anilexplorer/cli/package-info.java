/**
 * The headless command line (picocli): {@code run}, {@code bench}, {@code params}, {@code presets}.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>Thin: commands parse, call {@code core.run} and {@code io}, and print. No rule of the science lives here.</li>
 *   <li>Errors are one line on stderr starting with "error:", never a stack trace: exit 2 for bad input of any
 *       kind (checked before any work starts, so nothing is written), exit 1 for runtime failures such as a
 *       diverged run (whose complete result files are still written, since they show where it went wrong).</li>
 *   <li>{@code --set} wins over the preset and over each of its methods: what the user types last is what runs.</li>
 *   <li>Never loads JavaFX: {@code org.anilexplorer.Main} only reaches the app package when started without
 *       arguments, and nothing here imports it (the architecture test checks the imports).</li>
 * </ul>
 */
package org.anilexplorer.cli;
