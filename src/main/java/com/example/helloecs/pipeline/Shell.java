package com.example.helloecs.pipeline;

/** Shell quoting for commands the pipeline's CodeBuild projects run. */
final class Shell {
    private Shell() {
    }

    /** The value in single quotes, safe for any content (a {@code '} becomes {@code '\''}). */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
