package org.anilexplorer.cli;

/** Good input, but the work failed (a run diverged, a file could not be written): one line, exit code 1. */
final class RuntimeFailure extends RuntimeException {

    RuntimeFailure(String message) {
        super(message);
    }
}
