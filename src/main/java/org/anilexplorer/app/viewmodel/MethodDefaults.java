package org.anilexplorer.app.viewmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anilexplorer.core.params.Algorithm;
import org.anilexplorer.core.params.ParamException;
import org.anilexplorer.core.params.ParamSpec;
import org.anilexplorer.core.params.Params;

/**
 * The settings a newly added algorithm starts with: the base's, except where the core's rules
 * ({@link Params#validate()}) refuse them for that algorithm, where the refused key takes its {@link ParamSpec}
 * default. Adding FO-MAML while N = ∞ thus gives FO-MAML with N = 1000 (FO-MAML is defined for finite N only), not an
 * error.
 */
final class MethodDefaults {

    /** Each repair fixes one key; no algorithm needs more than a few. */
    private static final int MAX_REPAIRS = 6;

    private MethodDefaults() {
    }

    /** The overrides that run {@code algorithm} on {@code base}: the algorithm, and the repairs it needs. */
    static Map<String, String> forAlgorithm(Params base, Algorithm algorithm) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put(ParamSpec.ALGORITHM.key(), algorithm.key());
        for (int i = 0; i < MAX_REPAIRS; i++) {
            ParamSpec refused;
            try {
                base.withAll(overrides).validate();
                return overrides;
            } catch (ParamException e) {
                refused = ParamSpec.byKey(e.field()).orElse(null);
            }
            if (refused == null || refused == ParamSpec.ALGORITHM) {
                return overrides;
            }
            if (!overrides.containsKey(refused.key())) {
                overrides.put(refused.key(), refused.defaultText());
                continue;
            }
            // the key's default did not help (m_out = 10 while m_in = ∞): its partner takes its default too
            ParamSpec partner = refused == ParamSpec.M_OUT ? ParamSpec.M_IN
                    : refused == ParamSpec.M_IN ? ParamSpec.M_OUT : null;
            if (partner == null || overrides.containsKey(partner.key())) {
                return overrides;
            }
            overrides.put(partner.key(), partner.defaultText());
        }
        return overrides;
    }
}
