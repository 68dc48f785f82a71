package org.anilexplorer.app.viewmodel;

import org.anilexplorer.app.sim.ResolvedMethod;

/**
 * One method's runs were replaced by new runs with new settings: the event a committed edit causes for each method it
 * reaches (an edit of the method itself, or of a base key the method inherits). Heard through
 * {@link TransportViewModel#addRunReplacementListener}; fired on the UI thread, once per method, right after the new
 * runs were started.
 *
 * @param previous    what the replaced runs had recorded when they were stopped (their settings are
 *                    {@code previous.method().params()}); nothing continues them
 * @param replacement the method as it now runs, from t = 0, in the same slot (same colour)
 */
public record RunReplacement(MethodView previous, ResolvedMethod replacement) {
}
