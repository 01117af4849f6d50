package com.example.helloecs.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/** Runs the Docker CLI. */
public final class Docker {
    /** Output of a finished command. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final String executable;

    /** @param executable the Docker CLI, e.g. {@code docker} (looked up on PATH) */
    public Docker(String executable) {
        this.executable = executable;
    }

    /** Fails with the fix when the CLI is missing or the engine does not answer. */
    public void requireEngine() {
        Result version;
        try {
            version = capture(List.of(executable, "version", "--format", "{{.Server.Version}}"));
        } catch (LocalRunException e) {
            throw new LocalRunException("Docker is not installed: `" + executable + "` was not found on PATH. "
                    + "Install Docker Engine (e.g. `sudo apt-get install docker.io`) and start it.", e);
        }
        if (!version.ok()) {
            String reason = version.output().strip().lines().reduce((a, b) -> b).orElse("no output");
            throw new LocalRunException("The Docker engine is not reachable (" + reason + "). Start it "
                    + "(e.g. `sudo systemctl start docker`, or `sudo dockerd &`) and check that `docker info` works.");
        }
    }

    /** Runs a command, capturing stdout and stderr together. */
    public Result capture(List<String> command) {
        Process p = start(new ProcessBuilder(command).redirectErrorStream(true));
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(waitFor(p, command), out);
        } catch (IOException e) {
            throw new LocalRunException("Cannot read the output of " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command with its output on this process's stdout/stderr; returns the exit code. */
    public int inherit(List<String> command) {
        return waitFor(start(new ProcessBuilder(command).inheritIO()), command);
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new LocalRunException("Cannot run " + builder.command().get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the command; when this thread is interrupted (Ctrl-C), ends it first (the terminal may not have). */
    private static int waitFor(Process p, List<String> command) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new LocalRunException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    /** Oldest engine API that knows a health check's start interval ({@code docker run --health-start-interval}). */
    static final int[] HEALTH_START_INTERVAL_API = {1, 44};
    public static final String HEALTH_START_INTERVAL_API_TEXT = "1.44";

    /**
     * Whether the engine honours {@code --health-start-interval}; {@code true} when the engine cannot be asked (a
     * dry run prints what a current engine gets).
     */
    public boolean supportsHealthStartInterval() {
        try {
            Result version = capture(List.of(executable, "version", "--format", "{{.Server.APIVersion}}"));
            return !version.ok() || atLeast(version.output().strip(), HEALTH_START_INTERVAL_API);
        } catch (LocalRunException e) {
            return true;
        }
    }

    /** Compares a dotted version such as {@code 1.41} with {@code minimum}; an unreadable one counts as current. */
    static boolean atLeast(String version, int[] minimum) {
        String[] parts = version.split("\\.");
        try {
            for (int i = 0; i < minimum.length; i++) {
                int part = i < parts.length ? Integer.parseInt(parts[i]) : 0;
                if (part != minimum[i]) {
                    return part > minimum[i];
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** {@code starting}, {@code healthy}, {@code unhealthy}; {@code none} without a health check; {@code gone}. */
    public String health(String container) {
        Result r = capture(List.of(executable, "inspect", "--format",
                "{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}", container));
        if (!r.ok()) {
            return "gone";
        }
        String[] parts = r.output().strip().split(" ");
        return "running".equals(parts[0]) ? parts[1] : "gone";
    }

    public List<String> cmd(String... args) {
        return Stream.concat(Stream.of(executable), Stream.of(args)).toList();
    }
}
