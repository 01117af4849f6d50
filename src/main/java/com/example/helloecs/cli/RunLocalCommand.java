package com.example.helloecs.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import com.example.helloecs.config.Settings;
import com.example.helloecs.local.CloudAssembly;
import com.example.helloecs.local.Docker;
import com.example.helloecs.local.DockerCommands;
import com.example.helloecs.local.LocalRunException;
import com.example.helloecs.local.LocalTask;
import com.example.helloecs.service.ContainerImageSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run-local}: runs the synthesized service's container with Docker the way ECS runs it on Fargate. Without a
 * subcommand it runs in the foreground and stops the container on Ctrl-C (exit 130). Errors (a missing or stale
 * cloud assembly, no Docker, a failed build) are {@link LocalRunException}s: one {@code error: ...} line and exit 2,
 * as for every command ({@link CliErrors}).
 */
@Command(name = "run-local", mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:error (no or stale cdk.out, no Docker, build or run failed): one `error: ...` line",
                "130:Ctrl-C: the container this run started was stopped"},
        description = {"Build the image exactly as the CDK asset publisher would and run it the way the synthesized "
                + "ECS task definition says (port, user, read-only root filesystem, task volumes, environment, "
                + "health check, CPU and memory), read from the cloud assembly (run `npx cdk synth` first).",
                "Without a subcommand: run in the foreground until Ctrl-C."},
        subcommands = {RunLocalCommand.Start.class, RunLocalCommand.Stop.class})
public final class RunLocalCommand implements Callable<Integer> {
    static final String DEFAULT_NAME = "hello-ecs-local";
    /** How long a failure waits for a Ctrl-C that may have caused it to be seen (see {@link Interruption}). */
    static final Duration SIGNAL_GRACE = Duration.ofMillis(500);

    /** Options shared by the foreground mode and {@code start}. */
    static final class Options {
        @Option(names = "--cdk-out", defaultValue = "cdk.out", description = "Cloud assembly directory. Default: ${DEFAULT-VALUE}.")
        Path cdkOut;
        @Option(names = "--stage", description = "Stage to run when the assembly has several (e.g. hello-ecs-prod).")
        String stage;
        @Option(names = "--port", defaultValue = "8080", description = "Host port on 127.0.0.1. Default: ${DEFAULT-VALUE}.")
        int port;
        @Option(names = "--name", defaultValue = DEFAULT_NAME, description = "Container name. Default: ${DEFAULT-VALUE}.")
        String name;
        @Option(names = "--timeout", defaultValue = "90", description = "Seconds to wait for the container to become healthy. Default: ${DEFAULT-VALUE}.")
        int timeout;
        @Option(names = "--docker", defaultValue = "docker", description = "Docker CLI. Default: ${DEFAULT-VALUE}.")
        String docker;
        @Option(names = "--dry-run", description = "Print the docker commands instead of running them.")
        boolean dryRun;
    }

    @Mixin
    Options options = new Options();

    @Override
    public Integer call() {
        return run(options, true);
    }

    /** Starts the container; in the foreground, then follows its output until it ends or Ctrl-C. */
    static int run(Options o, boolean foreground) {
        // Set by `docker run`: only then is a container of that name this run's own to stop.
        AtomicReference<Docker> launched = new AtomicReference<>();
        try (Interruption interruption = Interruption.install()) {
            try {
                Docker docker = start(o, System.out, launched);
                if (docker == null || !foreground) {
                    return 0;
                }
                System.out.println("Press Ctrl-C to stop. Container output follows.");
                // Returns when the container ends, or on Ctrl-C (which the Docker CLI gets too).
                docker.inherit(docker.cmd("logs", "--follow", "--since", "0s", o.name));
                if (!interruption.requested(SIGNAL_GRACE)) {
                    return 0;
                }
            } catch (RuntimeException e) {
                if (!interruption.requested(SIGNAL_GRACE)) {
                    throw e;
                }
            }
            return stopAfter(interruption, launched.get(), o.name, System.err);
        }
    }

    /**
     * After Ctrl-C (or SIGTERM): stops the container this run started (removed with it: {@code --rm}), never one it
     * found running, and returns the signal's exit code. Whatever failed because of the interrupt is not reported.
     */
    static int stopAfter(Interruption interruption, Docker docker, String name, PrintStream err) {
        Thread.interrupted();
        if (docker == null) {
            err.println("Interrupted before the container was started; nothing to stop.");
        } else {
            err.println("Interrupted: stopping " + name + " ...");
            Docker.Result stopped = docker.capture(docker.cmd("stop", name));
            err.println(stopped.ok() ? "Stopped " + name + "." : name + " was no longer running.");
        }
        return interruption.exitCode();
    }

    /** Checks, builds, runs and waits until healthy; the Docker CLI it used, {@code null} after a dry run. */
    static Docker start(Options o, PrintStream out, AtomicReference<Docker> launched) {
        CloudAssembly.requireFresh(o.cdkOut, List.of(imageDirectory(Path.of("")), Path.of("src", "main"), Path.of("cdk.json")));
        LocalTask task = CloudAssembly.read(o.cdkOut, o.stage);
        Docker docker = new Docker(o.docker);
        List<String> build = DockerCommands.build(o.docker, task);
        boolean startInterval = docker.supportsHealthStartInterval();
        List<String> run = DockerCommands.run(o.docker, task, o.name, o.port,
                startInterval ? Duration.ofMillis(ContainerImageSpec.HEALTH_START_INTERVAL_MILLIS) : null);
        if (o.dryRun) {
            out.println(DockerCommands.render(build));
            out.println(DockerCommands.render(run));
            return null;
        }
        docker.requireEngine();
        out.println("Building " + DockerCommands.imageTag(task) + " from " + task.image().directory()
                + " (" + task.stack() + ")");
        if (docker.inherit(build) != 0) {
            throw new LocalRunException("docker build failed (its output is above).");
        }
        if (!"gone".equals(docker.health(o.name))) {
            throw new LocalRunException("A container named " + o.name + " is already running: stop it with "
                    + "`bin/hello-ecs run-local stop --name " + o.name + "` or choose another --name.");
        }
        if (!startInterval && task.container().healthCheck() != null) {
            out.println("Note: this Docker engine is older than API " + Docker.HEALTH_START_INTERVAL_API_TEXT
                    + " (Docker 25) and has no health start interval: the first health check runs after "
                    + task.container().healthCheck().interval() + " s.");
        }
        launched.set(docker);
        Docker.Result started = docker.capture(run);
        if (!started.ok()) {
            System.err.println(started.output().strip());
            throw new LocalRunException("docker run failed (its output is above).");
        }
        waitHealthy(docker, o.name, o.timeout);
        out.println("Healthy: http://127.0.0.1:" + o.port + "/  (container " + o.name + ", image "
                + DockerCommands.imageTag(task) + ", " + task.image().platform() + ")");
        return docker;
    }

    /**
     * The image directory cdk.json configures ({@code image.directory}, else the default), whose changes make the
     * assembly stale. The image itself is read from the assembly, so a directory given with {@code -c} at synth time
     * is built all the same; only this freshness check does not see it.
     */
    static Path imageDirectory(Path projectDir) {
        String fallback = (String) Settings.IMAGE_DIRECTORY.defaultValue();
        try {
            Object configured = ProjectConfig.context(projectDir, Map.of(), null).get(Settings.IMAGE_DIRECTORY.key());
            return projectDir.resolve(configured instanceof String dir && !dir.isBlank() ? dir.trim() : fallback);
        } catch (UserError | InvalidPathException e) {
            return projectDir.resolve(fallback);
        }
    }

    private static void waitHealthy(Docker docker, String name, int timeoutSeconds) {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        String status = "starting";
        while (System.nanoTime() < deadline) {
            status = docker.health(name);
            if (status.equals("healthy") || status.equals("none")) {
                return;
            }
            if (status.equals("unhealthy") || status.equals("gone")) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalRunException("Interrupted while waiting for " + name + " to become healthy.", e);
            }
        }
        String logs = docker.capture(docker.cmd("logs", "--tail", "30", name)).output();
        docker.capture(docker.cmd("stop", name));
        System.err.println("Last log lines of " + name + ":");
        System.err.println(logs.strip());
        throw new LocalRunException("Container " + name + " did not become healthy within " + timeoutSeconds
                + " s (status: " + status + "); stopped it. Its last log lines are above.");
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start in the background, wait until Docker reports it healthy, print the URL and the container name.")
    static final class Start implements Callable<Integer> {
        @Mixin
        Options options = new Options();

        @Override
        public Integer call() {
            return run(options, false);
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop (and remove) the local container.")
    static final class Stop implements Callable<Integer> {
        @Option(names = "--name", defaultValue = DEFAULT_NAME, description = "Container name. Default: ${DEFAULT-VALUE}.")
        String name;
        @Option(names = "--docker", defaultValue = "docker", description = "Docker CLI. Default: ${DEFAULT-VALUE}.")
        String dockerCli;

        @Override
        public Integer call() {
            Docker docker = new Docker(dockerCli);
            docker.requireEngine();
            if ("gone".equals(docker.health(name))) {
                System.out.println("No container " + name + " is running.");
                return 0;
            }
            Docker.Result r = docker.capture(docker.cmd("stop", name));
            if (!r.ok()) {
                System.err.println(r.output().strip());
                throw new LocalRunException("docker stop failed (its output is above).");
            }
            System.out.println("Stopped " + name + ".");
            return 0;
        }
    }
}
