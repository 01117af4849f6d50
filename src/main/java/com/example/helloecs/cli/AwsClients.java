package com.example.helloecs.cli;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** Creates the AWS clients commands use; tests substitute one pointed at an emulator. */
@FunctionalInterface
public interface AwsClients {
    /**
     * @param region      region, or {@code null} for the SDK's default region chain
     * @param endpoint    endpoint override, or {@code null}
     * @param credentials credentials to use instead of the factory's own (an assumed role, another account's
     *                    profile), or {@code null}
     */
    EcrClient ecr(String region, URI endpoint, AwsCredentialsProvider credentials);

    /** IAM (for the preflight) is global: the partition's region is the SDK's {@code aws-global}. */
    default IamClient iam(URI endpoint, AwsCredentialsProvider credentials) {
        return configure(IamClient.builder(), null, endpoint, credentials).region(Region.AWS_GLOBAL).build();
    }

    /** The SDK's defaults (credential and region chains), with the given overrides. */
    AwsClients DEFAULT = (region, endpoint, credentials) ->
            configure(EcrClient.builder(), region, endpoint, credentials).build();

    /** {@code builder} with the overrides that are not {@code null}. */
    static <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region, URI endpoint,
                                                         AwsCredentialsProvider credentials) {
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        return builder;
    }

    /**
     * Credentials of a role assumed with the caller's own (the SDK's default chain), for reading another account's
     * registry: the pipeline's scan gate assumes the CDK lookup role of the registry's account
     * ({@code cdk-QUALIFIER-lookup-role-ACCOUNT-REGION}, ReadOnlyAccess, trusting the accounts given to
     * {@code cdk bootstrap --trust}).
     *
     * @param endpoint STS endpoint override (an emulator serving every service on one endpoint), else
     *                 {@code AWS_ENDPOINT_URL_STS} / the SDK's own
     * @return a provider that refreshes the role's session as it expires; close it with the STS client
     */
    static StsAssumeRoleCredentialsProvider assumeRole(String roleArn, String region, URI endpoint) {
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(configure(StsClient.builder(), region, endpoint, null).build())
                // The session name is visible in the other account's CloudTrail.
                .refreshRequest(r -> r.roleArn(roleArn).roleSessionName("hello-ecs-scan-findings"))
                .build();
    }
}
