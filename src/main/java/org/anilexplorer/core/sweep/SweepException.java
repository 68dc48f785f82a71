package org.anilexplorer.core.sweep;

/** Bad sweep input (a grid entry, a shard, a mismatched set of shards); the message is one line naming the field. */
public final class SweepException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SweepException(String message) {
        super(message);
    }
}
