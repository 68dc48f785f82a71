/**
 * Files: presets in, results out. No science here; formulas come from {@code core}.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>One JSON shape for everything a person may hand back to the program: a preset is {@code title},
 *       {@code description}, {@code source}, {@code params}, {@code methods}; {@code config.json} is a preset with
 *       the fully resolved parameters (plus {@code format}, {@code version}, {@code seeds}, {@code warnings});
 *       a session is the same plus {@code runs} with each run's recorded series (written today by the app's
 *       {@code app.files.SessionCodec}; moving into this package). So any of them loads as a preset and repeats
 *       the experiment.</li>
 *   <li>Parameter values in JSON go through the same text syntax as {@code --set} and {@code Params.with}, so
 *       there is one parser and one set of messages ({@code ParamSpec} ranges).</li>
 *   <li>Unknown fields are errors, naming file and field: a misspelt key silently ignored runs another
 *       experiment than the one written down.</li>
 *   <li>A result set appears whole or not at all ({@link org.anilexplorer.io.ResultSet}): its files are written into
 *       a hidden staging folder beside the output folder and renamed into place in one step; a non-empty folder is
 *       replaced only when asked, as a whole; one writer per folder (an operating-system lock); leftovers of killed
 *       writers are removed by the next. Single files (sessions, presets) are staged in a hidden temporary file and
 *       renamed with {@code ATOMIC_MOVE} ({@link org.anilexplorer.io.AtomicFiles}). A crash or a failed write never
 *       leaves a half-written file or a mixed set
 *       (docs/decisions/0008-atomic-result-files.md, 0016-result-sets.md).</li>
 *   <li>Non-finite numbers are written as JSON {@code null} and empty CSV cells; JSON has no NaN.</li>
 * </ul>
 */
package org.anilexplorer.io;
