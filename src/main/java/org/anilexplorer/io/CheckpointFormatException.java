package org.anilexplorer.io;

/** Bytes that are not a whole, undamaged checkpoint of a version this program reads; the message says what is wrong. */
public final class CheckpointFormatException extends IllegalArgumentException {

    public CheckpointFormatException(String problem) {
        super(problem);
    }
}
