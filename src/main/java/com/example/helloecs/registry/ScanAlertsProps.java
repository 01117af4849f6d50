package com.example.helloecs.registry;

/**
 * Props of {@link ScanAlerts}.
 *
 * @param repositoryName name of the repository whose scan results raise alerts; required
 * @param email          address subscribed to the topic. Default ({@code null}): no subscription
 * @param destroyKey     whether the topic's KMS key is scheduled for deletion with the stack (otherwise retained).
 *                       Default: see {@code registry.removalPolicy}
 */
public record ScanAlertsProps(String repositoryName, String email, boolean destroyKey) {
}
