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
    /** Health probe baked into the image; needs no extra package (bash's /dev/tcp). */
    public static final List<String> HEALTH_CHECK = List.of("CMD", "/usr/local/bin/healthcheck");
    /** The Dockerfile's HEALTHCHECK timings: healthy about 5 s after start, unhealthy after 3 misses (15 s). */
    public static final int HEALTH_INTERVAL_SECONDS = 5;
    public static final int HEALTH_TIMEOUT_SECONDS = 2;
    public static final int HEALTH_RETRIES = 3;
    public static final int HEALTH_START_PERIOD_SECONDS = 5;

    private ContainerImageSpec() {
    }
}
