/**
 * Statistics over independent runs: the single home of "mean ± sd over seeds" used by the engine's aggregates, the
 * evaluation tables, the JSON files and every chart band.
 */
package org.anilexplorer.core.stats;
