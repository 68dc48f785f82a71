package org.anilexplorer.io;

/**
 * The output folder cannot be used as asked, before any work was done: it is not empty (and replacing it was not
 * asked for), it is a file, its name is empty, or another process is writing there. The message is one line naming
 * the folder.
 */
public final class OutputRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public OutputRefusedException(String message) {
        super(message);
    }
}
