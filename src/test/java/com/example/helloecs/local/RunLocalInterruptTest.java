package com.example.helloecs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C on {@code bin/hello-ecs run-local}, as a terminal sends it: SIGINT to the whole process group (the JVM and
 * the Docker CLI it is running). A stand-in Docker CLI (a script logging its calls) plays the engine. The command
 * must stop the container it started (and only that one), exit 130, and report no error.
 */
class RunLocalInterruptTest {
    private static final String NAME = "interrupt-local";

    @TempDir
    Path dir;

    /** Writes the stand-in Docker CLI; {@code health} is what inspect reports once the container runs. */
    private Path fakeDocker(String health, boolean slowBuild) throws IOException {
        // Not at DIR/docker: that is the image directory whose changes make the assembly stale.
        Path script = Files.createDirectories(dir.resolve("fake")).resolve("docker");
        Files.writeString(script, """
                #!/usr/bin/env bash
                state="$(dirname "$0")"
                echo "$*" >>"$state/calls.log"
                case "$1" in
                  version) echo 1.45 ;;
                  build) %s ;;
                  inspect) [ -f "$state/running" ] || exit 1; echo "running %s" ;;
                  run) touch "$state/running"; echo 0123456789ab ;;
                  logs) [ "$2" = --follow ] && exec sleep 60; echo "a log line" ;;
                  stop) rm -f "$state/running"; echo "$2" ;;
                esac
                """.formatted(slowBuild ? "exec sleep 60" : "exit 0", health));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @ParameterizedTest(name = "Ctrl-C {0}")
    @CsvSource({
            // while the container runs in the foreground (docker logs --follow)
            "in the foreground,  healthy,  false, logs --follow, true",
            // while waiting for healthy: docker inspect is started every 100 ms, the race that printed a false error
            "while waiting,      starting, false, run --detach,  true",
            // while building: no container yet, so nothing is stopped (a container of that name is not ours)
            "while building,     starting, true,  build,         false",
    })
    void stopsWhatItStartedAndExits130(String when, String health, boolean slowBuild, String trigger,
            boolean stopsContainer) throws Exception {
        assumeThat(new File("/usr/bin/setsid").canExecute() || new File("/bin/setsid").canExecute()).isTrue();
        Path cdkOut = RunLocalAssemblyTest.assembly(dir, RunLocalAssemblyTest.container(), RunLocalAssemblyTest.source());
        Path docker = fakeDocker(health, slowBuild);
        Path root = Path.of("").toAbsolutePath();
        String classpath = root.resolve("target/classes") + File.pathSeparator
                + Files.readString(root.resolve("target/classpath.txt")).strip();
        // setsid: its own process group (pgid = pid), as a shell job at a terminal has.
        // SIGINT back to its default first: a job started in the background of a script (as CI may be) inherits it
        // ignored, and a JVM that starts with SIGINT ignored never sees Ctrl-C, where a user's terminal would.
        Process p = new ProcessBuilder("python3", "-c", "import os, signal, sys; "
                + "signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                "setsid", ProcessHandle.current().info().command().orElse("java"),
                "-cp", classpath, "com.example.helloecs.cli.Main", "run-local",
                "--cdk-out", cdkOut.toString(), "--docker", docker.toString(), "--name", NAME, "--timeout", "60")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile())
                .start();
        Path calls = docker.resolveSibling("calls.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(calls) && Files.readString(calls).contains(trigger)) && p.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(p.isAlive()).as("still running when %s: %s", trigger, read("stderr")).isTrue();
        Thread.sleep(300);

        new ProcessBuilder("kill", "-INT", "--", "-" + p.pid()).inheritIO().start().waitFor();

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exits after Ctrl-C").isTrue();
        String stderr = read("stderr");
        assertThat(p.exitValue()).as(stderr).isEqualTo(130);
        assertThat(stderr).doesNotContain("error:", "Cannot run", "Exception", "signal: 2");
        List<String> stops = Files.readAllLines(calls).stream().filter(c -> c.startsWith("stop ")).toList();
        if (stopsContainer) {
            assertThat(stops).containsExactly("stop " + NAME);
            assertThat(stderr).contains("Interrupted: stopping " + NAME, "Stopped " + NAME + ".");
        } else {
            assertThat(stops).isEmpty();
            assertThat(stderr).contains("Interrupted before the container was started; nothing to stop.");
        }
    }

    private String read(String file) throws IOException {
        Path f = dir.resolve(file);
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }
}
