package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.ecr.EcrClient;

/** The SDK paths (DescribeImages, StartImageScan, waiter, DescribeImageScanFindings) against moto_server. */
class CliMotoTest extends MotoProjectTest {
    /** The image asset tag in the cdk.out fixture (trimmed from a real synth of this app). */
    static final String SERVICE_TAG = "c19ec73176d4270310ac0cd1e14ed9abf73264570b2f1a5bc2198f7e84ced8ad";
    @AutoClose
    static EcrClient ecr;

    @BeforeAll
    static void start() throws Exception {
        ecr = CliRun.client("us-east-1", moto.endpoint);
        ecr.createRepository(r -> r.repositoryName("demo-repo"));
        ecr.createRepository(r -> r.repositoryName("scanned"));
        ecr.createRepository(r -> r.repositoryName("hello-ecs"));
        push("hello-ecs", SERVICE_TAG, 7);
        push("demo-repo", "release-1", 1);
        push("demo-repo", "dev-1", 2);
        push("demo-repo", "dev-2", 3);
        push("scanned", "v1", 4);
        push("scanned", "v2", 5);
        Files.writeString(project.resolve("cdk.json"), "{\"context\": {\"app.name\": \"demo\", "
                + "\"registry.repositoryName\": \"demo-repo\", \"registry.lifecycleRules\": [{\"rulePriority\": 1, "
                + "\"selection\": {\"tagStatus\": \"tagged\", \"tagPrefixList\": [\"release\"], \"countType\": "
                + "\"imageCountMoreThan\", \"countNumber\": 5}, \"action\": {\"type\": \"expire\"}}, "
                + "{\"rulePriority\": 2, \"selection\": {\"tagStatus\": \"any\", \"countType\": \"sinceImagePushed\", "
                + "\"countUnit\": \"days\", \"countNumber\": 7}, \"action\": {\"type\": \"expire\"}}]}}");
    }

    static void push(String repository, String tag, int layer) {
        String manifest = "{\"schemaVersion\": 2, \"mediaType\": "
                + "\"application/vnd.docker.distribution.manifest.v2+json\", \"config\": {\"digest\": \"sha256:"
                + String.valueOf(layer).repeat(64) + "\", \"size\": 1, \"mediaType\": "
                + "\"application/vnd.docker.container.image.v1+json\"}, \"layers\": []}";
        // moto derives no digest from the manifest: give each image its own, as ECR would.
        ecr.putImage(r -> r.repositoryName(repository).imageTag(tag).imageManifest(manifest)
                .imageDigest("sha256:" + Integer.toHexString(layer).repeat(64)));
    }

    CliRun run(Instant now, String... args) {
        String[] base = {"--project-dir", project.toString(), "--region", "us-east-1",
                "--endpoint-url", moto.endpoint.toString()};
        String[] all = new String[args.length + base.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(base, 0, all, args.length, base.length);
        return CliRun.run(CliRun.FAKE_AWS, Clock.fixed(now, ZoneOffset.UTC), all);
    }

    @Test
    void livePreview_evaluatesDescribeImagesLocally() {
        CliRun today = run(Instant.now(), "lifecycle", "preview", "--json");
        assertThat(today.exitCode()).as(today.err()).isZero();
        assertThat(today.out()).contains("\"source\":\"ECR DescribeImages\"", "\"imagesEvaluated\":3",
                "\"expiringCount\":0");

        CliRun inTenDays = run(Instant.now().plus(Duration.ofDays(10)), "lifecycle", "preview");
        assertThat(inTenDays.exitCode()).as(inTenDays.err()).isZero();
        // release-1 is selected by rule 1 (kept: fewer than 5), so rule 2 may not expire it.
        assertThat(inTenDays.out()).contains("2 images would expire of 3 evaluated.", "dev-1", "dev-2", "rule 2: 2")
                .doesNotContain("release-1");
    }

    @Test
    void unknownRepository_isAClearError() {
        CliRun run = run(Instant.now(), "lifecycle", "preview", "--repository", "nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("error: repository not found:", "nope", "--region");
    }

    @Test
    void scanFindings_startsAScanWaitsAndGatesOnSeverity() {
        CliRun report = run(Instant.now(), "scan", "findings", "--repository", "scanned", "--tag", "v1",
                "--start-scan", "--fail-on", "CRITICAL");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("Scan of scanned:v1", "COMPLETE", "HIGH          1", "CVE-9999-9999",
                "moto_fake 9.9.9").doesNotContain("FAILED");

        CliRun gate = run(Instant.now(), "scan", "findings", "--repository", "scanned", "--tag", "v1",
                "--fail-on", "HIGH");
        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.out()).contains("FAILED: 1 finding(s) at or above HIGH.");
    }

    @Test
    void scanFindings_countsFromEcrDecideTheGate() throws IOException {
        moto.scanFindings("{\"region\": \"us-east-1\", \"results\": [{\"registryId\": \"123456789012\", "
                + "\"repositoryName\": \"scanned\", \"imageId\": {\"imageTag\": \"v2\"}, \"imageScanStatus\": "
                + "{\"status\": \"COMPLETE\"}, \"imageScanFindings\": {\"findings\": [{\"name\": \"CVE-1\", "
                + "\"severity\": \"CRITICAL\"}, {\"name\": \"CVE-2\", \"severity\": \"LOW\"}], "
                + "\"findingSeverityCounts\": {\"CRITICAL\": 1, \"LOW\": 1}}}]}");
        CliRun run = run(Instant.now(), "scan", "findings", "--repository", "scanned", "--tag", "v2",
                "--start-scan", "--fail-on", "CRITICAL", "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("\"findingSeverityCounts\":{\"CRITICAL\":1,\"LOW\":1}")
                .containsSubsequence("CVE-1", "CVE-2");
    }

    @Test
    void scanFindings_withoutAScan_saysHowToStartOne() {
        push("scanned", "never-scanned", 6);
        CliRun run = run(Instant.now(), "scan", "findings", "--repository", "scanned", "--tag", "never-scanned");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no scan of scanned:never-scanned", "--start-scan");
    }

    @Test
    void scanFindings_defaultsToTheServiceImageFromCdkOut() {
        CliRun run = run(Instant.now(), "scan", "findings", "-c", "app.name=hello-ecs",
                "-c", "registry.repositoryName=hello-ecs", "--cdk-out", "src/test/resources/cli/cdk.out",
                "--start-scan");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Scan of hello-ecs:" + SERVICE_TAG, "COMPLETE");
    }

    @Test
    void scanFindings_waitIsBounded() throws IOException {
        push("scanned", "slow", 8);
        moto.scanFindings("{\"region\": \"us-east-1\", \"results\": [{\"registryId\": \"123456789012\", "
                + "\"repositoryName\": \"scanned\", \"imageId\": {\"imageTag\": \"slow\"}, "
                + "\"imageScanStatus\": {\"status\": \"IN_PROGRESS\"}}]}");
        CliRun run = run(Instant.now(), "scan", "findings", "--repository", "scanned", "--tag", "slow",
                "--start-scan", "--timeout", "1", "--fail-on", "LOW");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("the scan of scanned:slow did not complete: status IN_PROGRESS");
    }

    @Test
    void scanFindings_rejectsAnUnknownSeverity() {
        CliRun run = run(Instant.now(), "scan", "findings", "--tag", "v1", "--fail-on", "SEVERE");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--fail-on", "SEVERE", "CRITICAL");
    }
}
