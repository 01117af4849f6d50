package com.example.helloecs.cli;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrClientBuilder;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;

/**
 * Creates the ECR and IAM clients of one account (its credentials) for the preflight; tests substitute one pointed
 * at an emulator.
 */
public interface AwsClients {
    /**
     * @param region      region, or {@code null} for the SDK's default region chain
     * @param endpoint    endpoint override, or {@code null}
     * @param credentials the account's credentials, or {@code null} for the SDK's default chain
     */
    EcrClient ecr(String region, URI endpoint, AwsCredentialsProvider credentials);

    /** IAM is global: the partition's region is the SDK's {@code aws-global}. */
    IamClient iam(URI endpoint, AwsCredentialsProvider credentials);

    AwsClients DEFAULT = new AwsClients() {
        @Override
        public EcrClient ecr(String region, URI endpoint, AwsCredentialsProvider credentials) {
            EcrClientBuilder b = EcrClient.builder();
            if (region != null) {
                b.region(Region.of(region));
            }
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            if (credentials != null) {
                b.credentialsProvider(credentials);
            }
            return b.build();
        }

        @Override
        public IamClient iam(URI endpoint, AwsCredentialsProvider credentials) {
            IamClientBuilder b = IamClient.builder().region(Region.AWS_GLOBAL);
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            if (credentials != null) {
                b.credentialsProvider(credentials);
            }
            return b.build();
        }
    };
}
