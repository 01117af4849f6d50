package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.helloecs.pipeline.BootstrapRoles;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The scan gate's command for a registry in another account, on moto_server with two accounts: the caller (the
 * pipeline account, moto's default 123456789012) reads account 222222222222's repository only through that account's
 * CDK lookup role ({@code --role-arn}); with its own credentials it does not find it.
 *
 * <p>What moto cannot show: IAM is not enforced (the lookup role's trust of the pipeline account and its
 * ReadOnlyAccess are AWS's bootstrap template, not checked here), and ENHANCED scanning's Inspector findings.
 */
class ScanCrossAccountMotoTest extends MotoProjectTest {
    static final String TARGET = "222222222222";
    static final String REGION = "us-east-1";
    static final String ROLE = "arn:aws:iam::" + TARGET + ":role/"
            + BootstrapRoles.name(BootstrapRoles.LOOKUP, "hnb659fds", TARGET, REGION);
    static final String TAG = "v1";
    @BeforeAll
    static void start() throws Exception {
        // The SDK's default chain (AwsClients.assumeRole's STS) reads these first: the pipeline account's caller.
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        Credentials target;
        try (StsClient sts = StsClient.builder().region(Region.of(REGION)).endpointOverride(moto.endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing",
                        "testing"))).build()) {
            target = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("setup")).credentials();
        }
        try (EcrClient ecr = AwsClients.DEFAULT.ecr(REGION, moto.endpoint, StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(target.accessKeyId(),
                        target.secretAccessKey(), target.sessionToken())))) {
            ecr.createRepository(r -> r.repositoryName("hello-ecs-prod"));
            ecr.putImage(r -> r.repositoryName("hello-ecs-prod").imageTag(TAG).imageDigest("sha256:" + "a".repeat(64))
                    .imageManifest("{\"schemaVersion\": 2, \"mediaType\": "
                            + "\"application/vnd.docker.distribution.manifest.v2+json\", \"config\": {\"digest\": "
                            + "\"sha256:" + "a".repeat(64) + "\", \"size\": 1, \"mediaType\": "
                            + "\"application/vnd.docker.container.image.v1+json\"}, \"layers\": []}"));
            // Scan on push, as the app's repositories do.
            ecr.startImageScan(r -> r.repositoryName("hello-ecs-prod").imageId(i -> i.imageTag(TAG)));
        }
        moto.scanFindings("{\"region\": \"" + REGION + "\", \"results\": [{\"registryId\": \"" + TARGET + "\", "
                + "\"repositoryName\": \"hello-ecs-prod\", \"imageId\": {\"imageTag\": \"" + TAG + "\"}, "
                + "\"imageScanStatus\": {\"status\": \"COMPLETE\"}, \"imageScanFindings\": {\"findings\": "
                + "[{\"name\": \"CVE-1\", \"severity\": \"HIGH\"}], \"findingSeverityCounts\": {\"HIGH\": 1}}}]}");
        Files.writeString(project.resolve("cdk.json"), "{\"context\": {}}");
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    CliRun run(String... extra) {
        String[] base = {"scan", "findings", "--project-dir", project.toString(), "--region", REGION,
                "--endpoint-url", moto.endpoint.toString(), "--registry-id", TARGET, "--repository", "hello-ecs-prod",
                "--tag", TAG};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRun.run(CliRun.FAKE_AWS, Clock.fixed(Instant.now(), ZoneOffset.UTC), all);
    }

    @Test
    void throughTheLookupRoleTheGateReadsTheOtherAccountsFindings() {
        CliRun below = run("--role-arn", ROLE, "--fail-on", "CRITICAL");
        assertThat(below.exitCode()).as(below.err()).isZero();
        assertThat(below.out()).contains("HIGH").doesNotContain("FAILED");

        CliRun at = run("--role-arn", ROLE, "--fail-on", "HIGH");
        assertThat(at.exitCode()).as(at.err()).isEqualTo(1);
        assertThat(at.out()).contains("FAILED: 1 finding(s) at or above HIGH.");
    }

    @Test
    void withItsOwnCredentialsThePipelineAccountDoesNotReachTheOtherRegistry() {
        CliRun run = run("--fail-on", "HIGH");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
    }
}
