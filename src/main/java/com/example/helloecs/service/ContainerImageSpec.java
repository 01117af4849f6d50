package com.example.helloecs.service;

import java.util.List;

/**
 * What the image in {@code docker/} provides, and so what the task definition must match: keep the two in step
 * (the Dockerfile reads the port from the {@code PORT} build argument).
 *
 * <p>The task definition applies these to any image ({@code image.directory}), so they are also the contract a custom
 * image must meet (docs/service.md, "Your own image"): listen on {@code PORT}, run as {@link #USER}, write nothing
 * outside {@link #RUNTIME_DIR} (the root filesystem is read-only), provide {@link #HEALTH_CHECK}, and answer 200 on
 * {@code service.healthCheckPath}.
 */
public final class ContainerImageSpec {
    /** The default image directory ({@code image.directory}), relative to the project root. */
    public static final String DIRECTORY = "docker";
    /** Build argument carrying the listening port. */
    public static final String PORT_BUILD_ARG = com.example.helloecs.config.ImageConfig.PORT_BUILD_ARG;
    /** Debian's www-data user and group: Apache runs as it, never as root. */
    public static final String USER = "33:33";
    /** The only path Apache writes to (pid file, runtime dir); a task volume so the root filesystem stays read-only. */
    public static final String RUNTIME_DIR = "/var/run/apache2";
    /**
     * Environment variable giving the container the task's CPU in vCPUs ({@code 0.25}), as the task definition sets
     * it. On Fargate the task's CPU limit sits on the task's cgroup, which a container cannot see, so this is how a
     * process learns how much CPU it has; the default image's {@code start-httpd} keeps Apache on as many CPUs as
     * it rounds up to (one for 0.25 vCPU), and falls back to the container's own CFS quota (docker run --cpus)
     * without it. Harmless to an image that ignores it.
     */
    public static final String TASK_VCPU_ENV = "TASK_VCPU";
    /** Health probe baked into the image; needs no extra package (bash's /dev/tcp). */
    public static final List<String> HEALTH_CHECK = List.of("CMD", "/usr/local/bin/healthcheck");
    /**
     * The Dockerfile's HEALTHCHECK timings, which the task definition's container health check repeats (ECS ignores
     * the image's): unhealthy after 3 misses (15 s). They respect ECS's limits: interval 5-300 s, timeout 2-60 s,
     * retries 1-10, start period 0-300 s.
     */
    public static final int HEALTH_INTERVAL_SECONDS = 5;
    public static final int HEALTH_TIMEOUT_SECONDS = 2;
    public static final int HEALTH_RETRIES = 3;
    public static final int HEALTH_START_PERIOD_SECONDS = 5;
    /**
     * Docker only: how often the health check runs during the start period, so a local container is healthy within
     * a second of starting instead of after the first {@link #HEALTH_INTERVAL_SECONDS} interval. ECS has no such
     * setting (on Fargate the load balancer's health check decides when a task takes traffic). run-local passes it
     * as {@code --health-start-interval} when the Docker engine supports it (API 1.44, Docker 25, and later). The
     * Dockerfile's HEALTHCHECK does not carry it ({@code --start-interval}): builders older than Docker 25 (Debian
     * bookworm's 20.10, for one) reject the flag, and `cdk deploy` builds the image with whatever engine the user has.
     */
    public static final int HEALTH_START_INTERVAL_MILLIS = 200;

    private ContainerImageSpec() {
    }
}
