package org.anilexplorer.io;

import java.util.List;
import java.util.Objects;
import org.anilexplorer.core.params.Params;

/**
 * An earlier run kept in the app's run history (a ghost), as stored in a session file: the method it was, the
 * settings that told it apart, its complete parameters and colour, whether it was shown, and what its seeds recorded.
 *
 * @param label       its legend label, settings included ("FO-ANIL (α = 0.1)")
 * @param method      the method's own label
 * @param settings    what differed from the run that replaced it ("α = 0.1"), or ""
 * @param colourIndex the method's colour slot
 */
public record RecordedGhost(String label, String method, String settings, int colourIndex, Params params,
                            boolean shown, List<RecordedRun> runs) {

    public RecordedGhost {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(params, "params");
        runs = List.copyOf(runs);
    }
}
