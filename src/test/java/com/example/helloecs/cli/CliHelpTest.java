package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command answers --help with its usage and exit code 0. */
class CliHelpTest {
    @ParameterizedTest
    @CsvSource({
            "'', Usage: hello-ecs",
            "lifecycle, Usage: hello-ecs lifecycle",
            "lifecycle preview, --remote",
            "scan, Usage: hello-ecs scan",
            "scan findings, --fail-on=SEVERITY",
            "config, Usage: hello-ecs config",
            "cost, --nat-gb=GB",
    })
    void help(String command, String expected) {
        String[] words = command.isBlank() ? new String[0] : command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        CliRun run = CliRun.run(args);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(expected);
    }
}
