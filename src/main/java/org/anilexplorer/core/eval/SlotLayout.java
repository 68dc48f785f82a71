package org.anilexplorer.core.eval;

import java.util.Arrays;

/**
 * Where each (m_test, estimator) keeps its running moments: one slot for a GD estimator, one per grid λ for a ridge
 * estimator.
 */
final class SlotLayout {

    private final int[][] offsets;
    private final int total;

    SlotLayout(TestProtocol protocol) {
        int estimators = Estimator.values().length;
        offsets = new int[protocol.mTests().size()][estimators];
        int next = 0;
        for (int mi = 0; mi < offsets.length; mi++) {
            Arrays.fill(offsets[mi], -1);
            for (Estimator e : protocol.orderedEstimators()) {
                offsets[mi][e.ordinal()] = next;
                next += width(e);
            }
        }
        total = next;
    }

    static int width(Estimator e) {
        return e.usesLambdaGrid() ? LambdaGrid.SIZE : 1;
    }

    /** First slot of (m_test index, estimator), or −1 when the estimator is not run. */
    int offset(int mIndex, Estimator e) {
        return offsets[mIndex][e.ordinal()];
    }

    int total() {
        return total;
    }
}
