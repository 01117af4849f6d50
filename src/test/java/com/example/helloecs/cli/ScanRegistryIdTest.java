package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan findings --registry-id}: ECR reads the caller's own registry unless a request names another, so every
 * call (the findings and each of their pages) must carry the environment's account (the pipeline's scan gate runs in
 * the pipeline account).
 */
class ScanRegistryIdTest {
    @TempDir
    Path project;

    @Test
    void everyCallNamesTheRegistryGiven() throws Exception {
        Files.writeString(project.resolve("cdk.json"), "{\"context\": {}}");
        List<Object> registries = new CopyOnWriteArrayList<>();
        String complete = "{\"imageScanStatus\": {\"status\": \"COMPLETE\"}, \"imageScanFindings\": "
                + "{\"findingSeverityCounts\": {\"HIGH\": 1}, \"findings\": [{\"name\": \"CVE-1\", "
                + "\"severity\": \"HIGH\"}]}, \"imageId\": {\"imageDigest\": \"sha256:a\"}}";
        try (FakeEcr ecr = new FakeEcr().on("DescribeImageScanFindings", body -> {
            registries.add(body.get("registryId"));
            return complete;
        })) {
            CliRun run = CliRun.run("scan", "findings", "--project-dir", project.toString(), "--region", "us-east-1",
                    "--endpoint-url", ecr.endpoint().toString(), "--registry-id", "210987654321",
                    "--repository", "hello-ecs", "--tag", "v1", "--fail-on", "HIGH");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("FAILED: 1 finding(s) at or above HIGH.");
            assertThat(registries).isNotEmpty().containsOnly("210987654321");
        }
    }

    @Test
    void withoutItTheCallersOwnRegistryIsRead() throws Exception {
        Files.writeString(project.resolve("cdk.json"), "{\"context\": {}}");
        List<Map<String, Object>> bodies = new CopyOnWriteArrayList<>();
        try (FakeEcr ecr = new FakeEcr().on("DescribeImageScanFindings", body -> {
            bodies.add(body);
            return "{\"imageScanStatus\": {\"status\": \"COMPLETE\"}, \"imageScanFindings\": {\"findings\": []}}";
        })) {
            CliRun run = CliRun.run("scan", "findings", "--project-dir", project.toString(), "--region", "us-east-1",
                    "--endpoint-url", ecr.endpoint().toString(), "--repository", "hello-ecs", "--tag", "v1");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(bodies).isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContainKey("registryId"));
        }
    }
}
