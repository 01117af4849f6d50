package com.example.helloecs.config;

import java.util.function.Predicate;

/**
 * The validation of one setting's value: what it allows (the expectation in error messages, and the "allowed"
 * column of the configuration reference, so the two cannot drift) and the test itself. Factories: {@link Checks}.
 *
 * @param <T> the setting's value type
 */
public interface Check<T> {
    /** What is allowed, phrased to follow "expected": for example "an integer from 0 to 30". */
    String expected();

    /** Adds a problem under {@code key} for each fault of {@code value}; returns whether there was none. */
    boolean test(Problems p, String key, T value);

    /** A check that reports {@code value} with this check's expectation when {@code ok} rejects it. */
    static <T> Check<T> of(String expected, Predicate<? super T> ok) {
        return new Check<>() {
            @Override
            public String expected() {
                return expected;
            }

            @Override
            public boolean test(Problems p, String key, T value) {
                if (value != null && ok.test(value)) {
                    return true;
                }
                p.add(key, value, expected);
                return false;
            }
        };
    }
}
