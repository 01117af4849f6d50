package com.example.helloecs.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown once with every configuration problem found, before any construct is created. */
public final class ConfigException extends RuntimeException {
    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super("Invalid configuration (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "; nothing was synthesized):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
