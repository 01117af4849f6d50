package com.example.helloecs.cli;

import java.net.URI;

import picocli.CommandLine.Option;

/** Where the AWS calls go. Credentials come from the SDK's default chain (profile, environment, SSO, ...). */
public final class AwsOptions {
    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (default: the configured deployment region, else AWS_REGION / the profile's).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", hidden = true,
            description = "ECR endpoint override, for local emulators (also AWS_ENDPOINT_URL_ECR).")
    URI endpoint;

    /** The region to use: this option, else {@code fallback} (the configured one); {@code null}: the SDK's chain. */
    public String region(String fallback) {
        return region != null ? region : fallback;
    }

    /** The endpoint override: this option, else {@code AWS_ENDPOINT_URL_ECR}; {@code null}: ECR's own. */
    public URI endpoint() {
        if (endpoint != null) {
            return endpoint;
        }
        String env = System.getenv("AWS_ENDPOINT_URL_ECR");
        return env == null || env.isBlank() ? null : URI.create(env.trim());
    }
}
