/**
 * Session files of the desktop app ({@code SessionCodec}, {@code Session}, {@code RecordedRun}): the experiment in the
 * io package's preset form plus, when saved after a run, each run's recorded series column by column.
 *
 * <p>Decisions, and why:
 * <ul>
 *   <li>A session is a preset with extra {@code runs}, so it also loads as a preset, in the app and with
 *       {@code run --preset} on the command line; its parameters are read by {@code io.PresetReader} only, and this
 *       package reads just the series.</li>
 *   <li>Files are written atomically through {@code io.AtomicFiles}: a failed save never leaves a half-written file
 *       (docs/decisions/0008-atomic-result-files.md).</li>
 *   <li>Moving: sessions are being moved into the {@code io} package (one home for every file format); this package
 *       then disappears.</li>
 * </ul>
 */
package org.anilexplorer.app.files;
