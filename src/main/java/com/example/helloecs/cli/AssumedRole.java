package com.example.helloecs.cli;

import java.net.URI;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Credentials of a role assumed with the caller's own (the SDK's default chain), for reading another account's
 * registry: the pipeline's scan gate assumes the CDK lookup role of the registry's account
 * ({@code cdk-QUALIFIER-lookup-role-ACCOUNT-REGION}, ReadOnlyAccess, trusting the accounts given to
 * {@code cdk bootstrap --trust}).
 */
final class AssumedRole {
    /** The session name, visible in the other account's CloudTrail. */
    static final String SESSION_NAME = "hello-ecs-scan-findings";

    private AssumedRole() {
    }

    /**
     * @param endpoint STS endpoint override (an emulator serving every service on one endpoint), else
     *                 {@code AWS_ENDPOINT_URL_STS} / the SDK's own
     * @return a provider that refreshes the role's session as it expires; close it with the STS client
     */
    static StsAssumeRoleCredentialsProvider credentials(String roleArn, String region, URI endpoint) {
        StsClientBuilder sts = StsClient.builder();
        if (region != null) {
            sts.region(Region.of(region));
        }
        if (endpoint != null) {
            sts.endpointOverride(endpoint);
        }
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts.build())
                .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(SESSION_NAME))
                .build();
    }
}
