package org.anilexplorer.core.sweep;

/** How a sweep job ended, as written in the {@code status} column. */
public enum JobStatus {
    /** Ran every iteration. */
    FINISHED("finished"),
    /** Stopped because ‖B‖² + ‖w‖² exploded or became non-finite. */
    DIVERGED("diverged"),
    /** Its parameters were refused (an invalid combination such as k ≥ d); nothing ran. */
    REFUSED("refused"),
    /** The dynamics could not be built or threw. */
    FAILED("failed");

    private final String key;

    JobStatus(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static JobStatus parse(String key) {
        for (JobStatus s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new SweepException("unknown status '" + key + "'");
    }
}
