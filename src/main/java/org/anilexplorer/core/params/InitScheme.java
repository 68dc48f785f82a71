package org.anilexplorer.core.params;

/** How the representation B_0 is drawn. */
public enum InitScheme {
    /** B_0 entries i.i.d. N(0, init_scale²/d) — the setting of Yüksel et al. */
    GAUSSIAN("gaussian"),
    /** B_0 = init_scale·α^(-1/2)·Q with Q random orthonormal columns, so that α B_0ᵀB_0 = init_scale²·I (Collins et al.). */
    ORTHONORMAL("orthonormal");

    private final String key;

    InitScheme(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static InitScheme parse(String text) {
        String t = text.trim().toLowerCase();
        for (InitScheme s : values()) {
            if (s.key.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be gaussian or orthonormal");
    }

    @Override
    public String toString() {
        return key;
    }
}
