package org.anilexplorer.core.params;

/** How Burer–Monteiro's per-task heads are stepped (the paper leaves it open, docs/math.md §3.8). */
public enum HeadStep {
    /** Plain GD on the task-averaged objective (12): each head's gradient carries the 1/N factor. */
    AVERAGED("averaged"),
    /** Each head takes a step of the same size on its own task loss (no 1/N). */
    PER_TASK("per-task");

    private final String key;

    HeadStep(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static HeadStep parse(String text) {
        String t = text.trim().toLowerCase();
        for (HeadStep s : values()) {
            if (s.key.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be averaged or per-task");
    }

    @Override
    public String toString() {
        return key;
    }
}
