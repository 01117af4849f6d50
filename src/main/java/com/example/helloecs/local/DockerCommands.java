package com.example.helloecs.local;

import com.example.helloecs.config.FargateSizes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Translates a {@link LocalTask} into Docker command lines: the build as the CDK asset publisher runs it, and a
 * {@code docker run} that gives the container what ECS gives it on Fargate.
 */
public final class DockerCommands {
    private DockerCommands() {
    }

    /** Local tag of the built image: the asset hash, as in the repository. */
    public static String imageTag(LocalTask task) {
        return "hello-ecs-local:" + task.image().hash();
    }

    /** {@code docker build} with the asset's Dockerfile, build arguments and platform (cdk-assets' argument order). */
    public static List<String> build(String docker, LocalTask task) {
        LocalTask.ImageSource image = task.image();
        List<String> cmd = new ArrayList<>(List.of(docker, "build", "--tag", imageTag(task)));
        for (Map.Entry<String, String> arg : image.buildArgs().entrySet()) {
            cmd.addAll(List.of("--build-arg", arg.getKey() + "=" + arg.getValue()));
        }
        if (image.dockerFile() != null) {
            cmd.addAll(List.of("--file", image.directory().resolve(image.dockerFile()).toString()));
        }
        if (image.platform() != null) {
            cmd.addAll(List.of("--platform", image.platform()));
        }
        cmd.add(image.directory().toString());
        return cmd;
    }

    /** {@link #run(String, LocalTask, String, int, Duration)} without a health start interval. */
    public static List<String> run(String docker, LocalTask task, String name, int hostPort) {
        return run(docker, task, name, hostPort, null);
    }

    /**
     * {@code docker run}, detached, removed on stop (with its anonymous volumes, as a task's volumes end with it).
     *
     * @param hostPort            published on 127.0.0.1 only: the local copy is for this machine
     * @param healthStartInterval how often Docker runs the health check during its start period (ECS has no such
     *                            setting); {@code null}: not passed (engines older than API 1.44 reject it)
     */
    public static List<String> run(String docker, LocalTask task, String name, int hostPort,
                                   Duration healthStartInterval) {
        LocalTask.Container c = task.container();
        List<String> cmd = new ArrayList<>(List.of(docker, "run", "--detach", "--rm", "--name", name,
                "--publish", "127.0.0.1:" + hostPort + ":" + c.containerPort()));
        if (task.image().platform() != null) {
            cmd.addAll(List.of("--platform", task.image().platform()));
        }
        if (c.user() != null) {
            cmd.addAll(List.of("--user", c.user()));
        }
        if (c.readonlyRootFilesystem()) {
            cmd.add("--read-only");
        }
        // A Fargate task volume starts with the image's content at that path (the Dockerfile's VOLUME), as a
        // fresh anonymous Docker volume does.
        for (String path : c.writablePaths()) {
            cmd.addAll(List.of("--mount", "type=volume,dst=" + path));
        }
        for (String path : c.readOnlyPaths()) {
            cmd.addAll(List.of("--mount", "type=volume,dst=" + path + ",readonly"));
        }
        for (Map.Entry<String, String> e : c.environment().entrySet()) {
            cmd.addAll(List.of("--env", e.getKey() + "=" + e.getValue()));
        }
        LocalTask.HealthCheck h = c.healthCheck();
        if (h != null) {
            cmd.addAll(List.of("--health-cmd", healthCommand(h.command()), "--health-interval", h.interval() + "s",
                    "--health-timeout", h.timeout() + "s", "--health-retries", String.valueOf(h.retries()),
                    "--health-start-period", h.startPeriod() + "s"));
            if (healthStartInterval != null) {
                cmd.addAll(List.of("--health-start-interval", healthStartInterval.toMillis() + "ms"));
            }
        } else {
            cmd.add("--no-healthcheck");
        }
        cmd.addAll(List.of("--memory", c.memory() + "m", "--cpus", FargateSizes.vcpus(c.cpu()),
                "--stop-timeout", String.valueOf(c.stopTimeout())));
        cmd.add(imageTag(task));
        return cmd;
    }

    /**
     * Docker's {@code --health-cmd} is always run by the image's shell; ECS's exec form ({@code CMD}) becomes a
     * quoted command line, its shell form ({@code CMD-SHELL}) is passed as is.
     */
    static String healthCommand(List<String> command) {
        if (command.isEmpty()) {
            throw new LocalRunException("The container health check has an empty command.");
        }
        return switch (command.get(0)) {
            case "CMD-SHELL" -> String.join(" ", command.subList(1, command.size()));
            case "CMD" -> command.subList(1, command.size()).stream().map(DockerCommands::shellQuote)
                    .collect(Collectors.joining(" "));
            default -> throw new LocalRunException("Unsupported health check command " + command
                    + ": expected CMD or CMD-SHELL first.");
        };
    }

    static String shellQuote(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** A command line for display. */
    public static String render(List<String> cmd) {
        return cmd.stream().map(DockerCommands::shellQuote).collect(Collectors.joining(" "));
    }
}
