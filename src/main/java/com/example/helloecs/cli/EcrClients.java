package com.example.helloecs.cli;

import java.net.URI;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrClientBuilder;

/** Creates the ECR client a command uses; tests substitute one pointed at an emulator. */
@FunctionalInterface
public interface EcrClients {
    /**
     * @param region   region, or {@code null} for the SDK's default region chain
     * @param endpoint endpoint override, or {@code null}
     */
    EcrClient create(String region, URI endpoint);

    /** The SDK's defaults (credential and region chains), with the given overrides. */
    EcrClients DEFAULT = (region, endpoint) -> {
        EcrClientBuilder builder = EcrClient.builder();
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    };
}
