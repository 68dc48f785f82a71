package org.anilexplorer.io;

/** A preset that cannot be used; the message names the file, the field and the problem, in one line. */
public final class PresetException extends RuntimeException {

    public PresetException(String message) {
        super(message);
    }
}
