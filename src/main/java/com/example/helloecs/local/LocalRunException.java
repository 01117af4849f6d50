package com.example.helloecs.local;

/** A problem run-local reports to the user as is: the message says what is wrong and how to fix it. */
public final class LocalRunException extends RuntimeException {
    public LocalRunException(String message) {
        super(message);
    }

    public LocalRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
