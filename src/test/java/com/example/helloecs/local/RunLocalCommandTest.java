package com.example.helloecs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.helloecs.cli.Main;
import com.example.helloecs.cli.Services;
import com.example.helloecs.service.ContainerImageSpec;

/** {@code bin/hello-ecs run-local} as users call it; no Docker needed (dry runs and errors raised before Docker). */
class RunLocalCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    /** As bin/hello-ecs runs it: with the CLI's error handler (one {@code error: ...} line, exit 2). */
    private int run(String... args) {
        return Main.commandLine(Services.DEFAULT).execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dryRunPrintsTheBuildAndRunCommands() throws IOException {
        Path cdkOut = RunLocalAssemblyTest.assembly(dir, RunLocalAssemblyTest.container(), RunLocalAssemblyTest.source());
        int code = run("run-local", "start", "--dry-run", "--cdk-out", cdkOut.toString(), "--port", "9999",
                "--name", "x", "--docker", "docker-not-needed");

        assertThat(code).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("docker-not-needed build --tag hello-ecs-local:abc123 --build-arg PORT=9090");
        assertThat(lines[1]).startsWith("docker-not-needed run --detach --rm --name x --publish 127.0.0.1:9999:9090")
                .contains("--read-only", "--user 33:33")
                // No engine to ask: a dry run shows what a current one (API 1.44+) gets.
                .contains("--health-start-interval " + ContainerImageSpec.HEALTH_START_INTERVAL_MILLIS + "ms");
    }

    @Test
    void missingAssemblyIsAnErrorLikeEveryCommands() {
        int code = run("run-local", "start", "--cdk-out", dir.resolve("nope").toString());

        assertThat(code).isEqualTo(2);
        assertThat(stderr().lines()).singleElement().asString()
                .startsWith("error: No cloud assembly at " + dir.resolve("nope")).contains("run `npx cdk synth`");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** Older than src/main (the test runs in the project root): stale, for the foreground mode too. */
    @Test
    void staleAssemblyIsAnErrorNamingTheNewerFile() throws IOException {
        Path cdkOut = RunLocalAssemblyTest.assembly(dir, RunLocalAssemblyTest.container(), RunLocalAssemblyTest.source());
        Files.setLastModifiedTime(cdkOut.resolve("manifest.json"), FileTime.fromMillis(0));

        int code = run("run-local", "--cdk-out", cdkOut.toString(), "--docker", "docker-not-needed");

        assertThat(code).isEqualTo(2);
        assertThat(stderr().lines()).singleElement().asString()
                .startsWith("error: The cloud assembly at " + cdkOut + " is stale: ")
                .contains("changed after it was synthesized; run `npx cdk synth`");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void missingDockerFailsBeforeBuilding() throws IOException {
        Path cdkOut = RunLocalAssemblyTest.assembly(dir, RunLocalAssemblyTest.container(), RunLocalAssemblyTest.source());
        int code = run("run-local", "start", "--cdk-out", cdkOut.toString(), "--docker", "docker-not-installed-here");

        assertThat(code).isEqualTo(2);
        assertThat(stderr().lines()).singleElement().asString().startsWith("error: Docker is not installed");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Building");
    }
}
