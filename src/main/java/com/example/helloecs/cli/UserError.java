package com.example.helloecs.cli;

/** A problem the user can fix (bad input, missing file, unknown repository): printed as one line, exit code 2. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
