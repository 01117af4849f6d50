package com.example.helloecs.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What run-local needs from the cloud assembly: the image asset as the CDK asset publisher would build it, and the
 * container as the ECS task definition runs it.
 *
 * @param stack     display name of the stack the task comes from (e.g. {@code hello-ecs/Service})
 * @param image     how to build the image
 * @param container how to run it
 */
public record LocalTask(String stack, ImageSource image, Container container) {

    /**
     * The {@code dockerImages} entry of the stack's asset manifest.
     *
     * @param hash       asset hash (also the image tag in the repository)
     * @param directory  build context, absolute
     * @param dockerFile Dockerfile relative to the context; {@code null}: Docker's default
     * @param platform   e.g. {@code linux/amd64}; {@code null}: the engine's default
     * @param buildArgs  {@code --build-arg} values, in manifest order
     */
    public record ImageSource(String hash, Path directory, String dockerFile, String platform,
                              Map<String, String> buildArgs) {
    }

    /**
     * One container of the task definition, with the task-level size.
     *
     * @param name                   container name
     * @param containerPort          first port mapping
     * @param user                   {@code User}, or {@code null} for the image's
     * @param readonlyRootFilesystem {@code ReadonlyRootFilesystem}
     * @param writablePaths          container paths of the task volumes mounted read-write
     * @param readOnlyPaths          container paths of the task volumes mounted read-only
     * @param environment            {@code Environment} (plain values only)
     * @param healthCheck            the container health check, or {@code null}
     * @param cpu                    task CPU units (1024 = one vCPU)
     * @param memory                 task memory in MiB
     * @param stopTimeout            seconds between the stop signal and SIGKILL (ECS default 30)
     */
    public record Container(String name, int containerPort, String user, boolean readonlyRootFilesystem,
                            List<String> writablePaths, List<String> readOnlyPaths, Map<String, String> environment,
                            HealthCheck healthCheck, int cpu, int memory, int stopTimeout) {
    }

    /**
     * An ECS container health check; times in seconds, ECS defaults filled in.
     *
     * @param command     {@code ["CMD", exe, args...]} or {@code ["CMD-SHELL", "command line"]}
     * @param interval    seconds between checks (ECS default 30)
     * @param timeout     seconds per check (ECS default 5)
     * @param retries     failures before unhealthy (ECS default 3)
     * @param startPeriod grace period in seconds (ECS default 0)
     */
    public record HealthCheck(List<String> command, int interval, int timeout, int retries, int startPeriod) {
    }
}
