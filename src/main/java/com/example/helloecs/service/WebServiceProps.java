package com.example.helloecs.service;

import com.example.helloecs.config.HardeningConfig;
import com.example.helloecs.config.ServiceConfig;
import com.example.helloecs.service.release.ReleaseProps;

import software.amazon.awscdk.services.ecs.ContainerImage;

/**
 * Props of {@link WebService}.
 *
 * @param config            service settings (defaults: {@link com.example.helloecs.config.Settings})
 * @param image             the container image (the asset delivered into the private repository); required
 * @param executionRoleName fixed name of the task execution role (the repository policy names it); required
 * @param hardening         the profile. Default: {@code default} (nothing hardened)
 * @param release           deployment strategy, alarms and dashboard. Default: {@link ReleaseProps#DEFAULTS}
 */
public record WebServiceProps(ServiceConfig config, ContainerImage image, String executionRoleName,
                              HardeningConfig hardening, ReleaseProps release) {
    public WebServiceProps {
        hardening = hardening == null ? HardeningConfig.NONE : hardening;
        release = release == null ? ReleaseProps.DEFAULTS : release;
    }

    public WebServiceProps(ServiceConfig config, ContainerImage image, String executionRoleName,
                           HardeningConfig hardening) {
        this(config, image, executionRoleName, hardening, null);
    }

    public WebServiceProps(ServiceConfig config, ContainerImage image, String executionRoleName) {
        this(config, image, executionRoleName, HardeningConfig.NONE);
    }
}
