package com.example.helloecs.service;

import com.example.helloecs.config.HardeningConfig;
import com.example.helloecs.config.ServiceConfig;

import software.amazon.awscdk.services.ecs.ContainerImage;

/**
 * Props of {@link WebService}.
 *
 * @param config            service settings (defaults: {@link com.example.helloecs.config.Settings})
 * @param image             the container image (the asset delivered into the private repository); required
 * @param executionRoleName fixed name of the task execution role (the repository policy names it); required
 * @param hardening         the profile. Default: {@code default} (nothing hardened)
 */
public record WebServiceProps(ServiceConfig config, ContainerImage image, String executionRoleName,
                              HardeningConfig hardening) {
    public WebServiceProps {
        hardening = hardening == null ? HardeningConfig.NONE : hardening;
    }

    public WebServiceProps(ServiceConfig config, ContainerImage image, String executionRoleName) {
        this(config, image, executionRoleName, HardeningConfig.NONE);
    }
}
