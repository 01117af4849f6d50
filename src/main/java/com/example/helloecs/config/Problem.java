package com.example.helloecs.config;

/**
 * One configuration problem: the key, the value received and what is allowed.
 *
 * @param key      the configuration key (for nested values, a path such as {@code registry.lifecycleRules[0].rulePriority})
 * @param value    the value received, rendered for humans ({@code <missing>} when absent)
 * @param expected what is allowed
 */
public record Problem(String key, String value, String expected) {

    /** Renders a received value the same way everywhere: strings quoted, absent values marked. */
    public static String render(Object value) {
        if (value == null) {
            return "<missing>";
        }
        if (value instanceof CharSequence s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }

    public static Problem of(String key, Object value, String expected) {
        return new Problem(key, render(value), expected);
    }

    @Override
    public String toString() {
        return key + ": got " + value + "; expected " + expected;
    }
}
