package org.anilexplorer.app.viewmodel;

import java.util.List;

/** The speed control's settings: iterations per animation frame, the last one unthrottled. */
public final class Speed {

    /** Iterations per frame; {@link #UNTHROTTLED} lets the runs go as fast as they can. */
    public static final List<Long> STEPS = List.of(1L, 2L, 5L, 10L, 20L, 50L, 100L, 200L, 500L, 1000L, 5000L,
            Long.MAX_VALUE);
    public static final long UNTHROTTLED = Long.MAX_VALUE;
    public static final int DEFAULT_INDEX = STEPS.indexOf(20L);

    private Speed() {
    }

    public static long iterationsPerFrame(int index) {
        return STEPS.get(Math.max(0, Math.min(STEPS.size() - 1, index)));
    }

    public static String label(int index) {
        long v = iterationsPerFrame(index);
        return v == UNTHROTTLED ? "unthrottled" : v + " it/frame";
    }
}
