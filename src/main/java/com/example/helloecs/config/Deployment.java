package com.example.helloecs.config;

/**
 * Everything one deployment of the app (one Stage) needs.
 *
 * @param name     environment name ({@code default} when none is selected)
 * @param account  target account, or {@code null}: environment-agnostic
 * @param region   target region, or {@code null}: environment-agnostic
 * @param approval whether a pipeline waits for a manual approval before deploying it
 * @param registry registry settings
 * @param service  service settings
 * @param image    the image the service runs
 * @param hardening the profile and what it switches on
 */
public record Deployment(String name, String account, String region, boolean approval, RegistryConfig registry,
                         ServiceConfig service, ImageConfig image, HardeningConfig hardening) {
    public static final String DEFAULT_NAME = "default";

    public boolean isDefault() {
        return DEFAULT_NAME.equals(name);
    }

    /** Every per-deployment setting's validated value, for stacks that turn them into construct props. */
    public SettingValues settings() {
        return service.settings();
    }
}
