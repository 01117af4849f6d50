package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.helloecs.config.ConfigReader;
import com.example.helloecs.config.Json;
import com.example.helloecs.registry.lifecycle.LifecyclePolicy;

/**
 * {@code lifecycle preview --remote} against a loopback fake of ECR's JSON protocol (moto has no lifecycle policy
 * preview): StartLifecyclePolicyPreview, then GetLifecyclePolicyPreview IN_PROGRESS once, then the final status.
 */
class LifecycleRemotePreviewTest {
    static final String RESULTS = ", \"previewResults\": [{\"imageDigest\": \"sha256:bbb\", \"imageTags\": [],"
            + " \"imagePushedAt\": 1767268800, \"action\": {\"type\": \"EXPIRE\"}, \"appliedRulePriority\": 1},"
            + " {\"imageDigest\": \"sha256:aaa\", \"imageTags\": [\"v1\"], \"imagePushedAt\": 1767182400,"
            + " \"action\": {\"type\": \"EXPIRE\"}, \"appliedRulePriority\": 2}],"
            + " \"summary\": {\"expiringImageTotalCount\": 2}";

    @TempDir
    Path project;
    FakeEcr ecr;
    final List<String> policiesReceived = new CopyOnWriteArrayList<>();
    final AtomicInteger polls = new AtomicInteger();
    volatile String finalStatus = "COMPLETE";
    volatile int pollsBeforeDone = 1;

    static String notFound(Object repository) {
        return "{\"__type\": \"RepositoryNotFoundException\", \"message\": \"The repository with name '" + repository
                + "' does not exist in the registry with id '123456789012'\"}";
    }

    @BeforeEach
    void start() throws IOException {
        Files.writeString(project.resolve("cdk.json"), "{\"context\": {\"registry.repositoryName\": \"demo-repo\"}}");
        ecr = new FakeEcr()
                .on("StartLifecyclePolicyPreview", body -> {
                    if (!"demo-repo".equals(body.get("repositoryName"))) {
                        return notFound(body.get("repositoryName"));
                    }
                    policiesReceived.add((String) body.get("lifecyclePolicyText"));
                    return "{\"repositoryName\": \"demo-repo\", \"status\": \"IN_PROGRESS\"}";
                })
                .on("GetLifecyclePolicyPreview", body -> {
                    boolean done = polls.incrementAndGet() > pollsBeforeDone;
                    return "{\"repositoryName\": \"demo-repo\", \"status\": \"" + (done ? finalStatus : "IN_PROGRESS")
                            + "\", \"lifecyclePolicyText\": " + Json.write(policiesReceived.get(0))
                            + (done && finalStatus.equals("COMPLETE") ? RESULTS : "") + "}";
                });
    }

    @AfterEach
    void stop() {
        ecr.close();
    }

    CliRun remote(String... extra) {
        List<String> args = new ArrayList<>(List.of("lifecycle", "preview", "--remote", "--project-dir",
                project.toString(), "--region", "us-east-1", "--endpoint-url", ecr.endpoint().toString()));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void sendsTheDeployedPolicyTextAndPrintsEcrsResultsOldestFirst() {
        CliRun run = remote();
        assertThat(run.exitCode()).as(run.err()).isZero();
        String deployed = LifecyclePolicy.toJson(ConfigReader.read(Map.of("registry.repositoryName", "demo-repo"))
                .deployment().registry().lifecycleRules());
        assertThat(policiesReceived).containsExactly(deployed);
        assertThat(ecr.calls).startsWith("StartLifecyclePolicyPreview", "GetLifecyclePolicyPreview",
                "GetLifecyclePolicyPreview");
        assertThat(run.out()).contains("images from ECR lifecycle policy preview")
                .containsSubsequence("sha256:aaa", "sha256:bbb")
                .contains("2         2025-12-31 12:00:00   sha256:aaa           v1", "2 images would expire.");
    }

    @Test
    void failedPreview_isAnErrorNotAnEmptyResult() {
        finalStatus = "FAILED";
        CliRun run = remote();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("preview of demo-repo did not complete", "FAILED");
    }

    @Test
    void waitingIsBoundedByTheTimeout() {
        pollsBeforeDone = Integer.MAX_VALUE;
        long started = System.nanoTime();
        CliRun run = remote("--timeout", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("did not complete (status IN_PROGRESS after waiting up to 1 s)");
        assertThat(System.nanoTime() - started).isLessThan(java.time.Duration.ofSeconds(20).toNanos());
    }

    @Test
    void unknownRepository_isAClearError() {
        CliRun run = remote("--repository", "missing");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("repository not found:", "'missing' does not exist");
    }
}
