package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecr.EcrClient;

/** Missing credentials or region become one line naming the fix, exit code 2, nothing on stdout. */
class CliErrorsTest {
    @TempDir
    Path project;

    CliRun runWith(AwsClients clients) throws Exception {
        Files.writeString(project.resolve("cdk.json"), "{\"context\": {}}");
        return CliRun.run(clients, java.time.Clock.systemUTC(), "lifecycle", "preview", "--project-dir",
                project.toString());
    }

    @Test
    void missingCredentials() throws Exception {
        CliRun run = runWith((region, endpoint, credentials) -> EcrClient.builder()
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(() -> {
                    throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
                }).build());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("error: no AWS credentials: set AWS_PROFILE");
    }

    @Test
    void missingRegion() throws Exception {
        CliRun run = runWith((region, endpoint, credentials) -> {
            throw SdkClientException.create("Unable to load region from any of the providers in the chain");
        });
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: no AWS region: pass --region");
    }
}
