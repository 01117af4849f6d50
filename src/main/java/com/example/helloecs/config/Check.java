package com.example.helloecs.config;

import java.util.function.Predicate;

/**
 * The validation of one setting's value: what it allows (the expectation in error messages, and the "allowed"
 * column of the configuration reference, so the two cannot drift) and the test itself. Factories: {@link Checks}.
 *
 * @param expected what is allowed, phrased to follow "expected": for example "an integer from 0 to 30"
 * @param rule     the test itself (see {@link #test})
 * @param <T> the setting's value type
 */
public record Check<T>(String expected, Rule<T> rule) {
    /** Adds a problem under {@code key} for each fault of {@code value}; returns whether there was none. */
    public interface Rule<T> {
        boolean test(Problems p, String key, T value);
    }

    public boolean test(Problems p, String key, T value) {
        return rule.test(p, key, value);
    }

    /** A check that reports {@code value} with this check's expectation when {@code ok} rejects it. */
    static <T> Check<T> of(String expected, Predicate<? super T> ok) {
        return new Check<>(expected, (p, key, value) -> {
            if (value != null && ok.test(value)) {
                return true;
            }
            p.add(key, value, expected);
            return false;
        });
    }
}
