package com.example.helloecs.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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
 * subcommand it runs in the foreground and stops the container on Ctrl-C.
 */
@Command(name = "run-local", mixinStandardHelpOptions = true,
        description = {"Build the image exactly as the CDK asset publisher would and run it the way the synthesized "
                + "ECS task definition says (port, user, read-only root filesystem, task volumes, environment, "
                + "health check, CPU and memory), read from the cloud assembly (run `npx cdk synth` first).",
                "Without a subcommand: run in the foreground until Ctrl-C."},
        subcommands = {RunLocalCommand.Start.class, RunLocalCommand.Stop.class})
public final class RunLocalCommand implements Callable<Integer> {
    static final String DEFAULT_NAME = "hello-ecs-local";

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
        return guarded(() -> {
            Started started = start(options, System.out);
            if (started == null) {
                return 0;
            }
            Docker docker = started.docker();
            Thread stopper = new Thread(() -> docker.capture(docker.cmd("stop", options.name)));
            Runtime.getRuntime().addShutdownHook(stopper);
            System.out.println("Press Ctrl-C to stop. Container output follows.");
            // Returns when the container ends; Ctrl-C runs the shutdown hook, which stops it.
            docker.inherit(docker.cmd("logs", "--follow", "--since", "0s", options.name));
            return 0;
        });
    }

    record Started(Docker docker, LocalTask task) {
    }

    /** Checks, builds, runs and waits until healthy; {@code null} after a dry run. */
    static Started start(Options o, PrintStream out) {
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
            throw new LocalRunException("docker build failed (output above).");
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
        Docker.Result started = docker.capture(run);
        if (!started.ok()) {
            throw new LocalRunException("docker run failed: " + started.output().strip());
        }
        waitHealthy(docker, o.name, o.timeout);
        out.println("Healthy: http://127.0.0.1:" + o.port + "/  (container " + o.name + ", image "
                + DockerCommands.imageTag(task) + ", " + task.image().platform() + ")");
        return new Started(docker, task);
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
                break;
            }
        }
        String logs = docker.capture(docker.cmd("logs", "--tail", "30", name)).output();
        docker.capture(docker.cmd("stop", name));
        throw new LocalRunException("Container " + name + " did not become healthy within " + timeoutSeconds
                + " s (status: " + status + "); stopped it. Last log lines:\n" + logs.strip());
    }

    /** Runs the body, printing a {@link LocalRunException}'s message instead of a stack trace. */
    static int guarded(Callable<Integer> body) {
        try {
            return body.call();
        } catch (LocalRunException e) {
            System.err.println("run-local: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start in the background, wait until Docker reports it healthy, print the URL and the container name.")
    static final class Start implements Callable<Integer> {
        @Mixin
        Options options = new Options();

        @Override
        public Integer call() {
            return guarded(() -> {
                start(options, System.out);
                return 0;
            });
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
            return guarded(() -> {
                Docker docker = new Docker(dockerCli);
                docker.requireEngine();
                if ("gone".equals(docker.health(name))) {
                    System.out.println("No container " + name + " is running.");
                    return 0;
                }
                Docker.Result r = docker.capture(docker.cmd("stop", name));
                if (!r.ok()) {
                    throw new LocalRunException("docker stop failed: " + r.output().strip());
                }
                System.out.println("Stopped " + name + ".");
                return 0;
            });
        }
    }
}
