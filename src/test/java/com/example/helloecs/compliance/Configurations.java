package com.example.helloecs.compliance;

import java.util.List;
import java.util.Map;

/** Configurations that switch every optional feature on, shared by the compliance and IAM tests. */
public final class Configurations {
    private Configurations() {
    }

    public static final Map<String, Object> FULL = Map.ofEntries(
            Map.entry("account", "123456789012"),
            Map.entry("region", "eu-west-1"),
            Map.entry("registry.encryption", "KMS"),
            Map.entry("registry.tagMutabilityExclusions", List.of("latest")),
            Map.entry("registry.pullPrincipals", List.of("210987654321")),
            Map.entry("registry.pushPrincipals", List.of("arn:aws:iam::123456789012:role/ci")),
            Map.entry("registry.replicationRegions", List.of("us-east-1", "eu-central-1")),
            Map.entry("registry.registryScanning", "ENHANCED"),
            Map.entry("registry.registryScanFrequency", "CONTINUOUS_SCAN"),
            Map.entry("registry.scanAlertEmail", "ops@example.com"),
            Map.entry("service.domainName", "www.example.com"),
            Map.entry("service.hostedZoneId", "Z0123456789ABC"),
            Map.entry("service.hostedZoneName", "example.com"),
            Map.entry("service.spot", true),
            Map.entry("service.natGateways", 1),
            Map.entry("service.platform", "linux/arm64"));

    static final Map<String, Object> PIPELINE = Map.of(
            "environments", Map.of(
                    "dev", Map.of("account", "111111111111", "region", "eu-west-1",
                            "settings", Map.of("service.desiredCount", 2)),
                    "prod", Map.of("account", "222222222222", "region", "eu-west-1", "approval", true,
                            "settings", Map.of("registry.removalPolicy", "retain"))),
            "pipeline.repository", "example/hello-ecs",
            "pipeline.branch", "main",
            "pipeline.connectionArn", "arn:aws:codeconnections:eu-west-1:111111111111:connection/abc-123",
            "pipeline.environments", List.of("dev", "prod"),
            "pipeline.scanGate", "HIGH");

    /** A pipeline whose only environment is in its own account and region (no cross-account key needed). */
    static final Map<String, Object> SAME_ACCOUNT_PIPELINE = Map.of(
            "environments", Map.of("dev", Map.of("account", "123456789012", "region", "us-east-1")),
            "pipeline.repository", "example/hello-ecs",
            "pipeline.branch", "main",
            "pipeline.connectionArn", "arn:aws:codeconnections:us-east-1:123456789012:connection/abc-123");
}
