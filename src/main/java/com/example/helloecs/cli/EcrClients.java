package com.example.helloecs.cli;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrClientBuilder;

/** Creates the ECR client a command uses; tests substitute one pointed at an emulator. */
@FunctionalInterface
public interface EcrClients {
    /**
     * @param region      region, or {@code null} for the SDK's default region chain
     * @param endpoint    endpoint override, or {@code null}
     * @param credentials credentials to use instead of the factory's own (an assumed role), or {@code null}
     */
    EcrClient create(String region, URI endpoint, AwsCredentialsProvider credentials);

    /** A client with the factory's own credentials. */
    default EcrClient create(String region, URI endpoint) {
        return create(region, endpoint, null);
    }

    /** The SDK's defaults (credential and region chains), with the given overrides. */
    EcrClients DEFAULT = (region, endpoint, credentials) -> {
        EcrClientBuilder builder = EcrClient.builder();
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        return builder.build();
    };
}
