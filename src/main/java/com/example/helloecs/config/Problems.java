package com.example.helloecs.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Collects problems so that every one is reported together (each distinct problem once). */
public final class Problems {
    private final Set<Problem> list;
    private final UnaryOperator<String> labeler;

    public Problems() {
        this(new LinkedHashSet<>(), UnaryOperator.identity());
    }

    private Problems(Set<Problem> list, UnaryOperator<String> labeler) {
        this.list = list;
        this.labeler = labeler;
    }

    /**
     * A view that adds to the same collection but renames keys, so a value that came from an environment's
     * overrides is reported under {@code environments.NAME.settings.KEY}.
     */
    public Problems relabelled(UnaryOperator<String> relabel) {
        return new Problems(list, key -> relabel.apply(labeler.apply(key)));
    }

    public void add(String key, Object value, String expected) {
        list.add(Problem.of(labeler.apply(key), value, expected));
    }

    public int size() {
        return list.size();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    /** Throws a {@link ConfigException} listing every problem, if there is any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ConfigException(List.copyOf(list));
        }
    }
}
