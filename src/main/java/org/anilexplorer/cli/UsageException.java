package org.anilexplorer.cli;

/** Bad input of any kind (flags, values, presets, output directory): one line on stderr, exit code 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
