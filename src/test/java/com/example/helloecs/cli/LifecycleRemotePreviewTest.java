package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.helloecs.config.ConfigReader;
import com.example.helloecs.config.Json;
import com.example.helloecs.registry.lifecycle.LifecyclePolicy;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code lifecycle preview --remote} against a loopback fake of ECR's JSON protocol (moto has no lifecycle policy
 * preview): StartLifecyclePolicyPreview, then GetLifecyclePolicyPreview IN_PROGRESS once, then COMPLETE.
 */
class LifecycleRemotePreviewTest {
    @TempDir
    Path project;
    HttpServer server;
    final List<String> policiesReceived = new CopyOnWriteArrayList<>();
    final AtomicInteger polls = new AtomicInteger();
    volatile String finalStatus = "COMPLETE";

    @BeforeEach
    void start() throws IOException {
        Files.writeString(project.resolve("cdk.json"), "{\"context\": {\"registry.repositoryName\": \"demo-repo\"}}");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> body = (java.util.Map<String, Object>) Json.parse(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int code = 200;
            String response;
            if (!"demo-repo".equals(body.get("repositoryName"))) {
                code = 400;
                response = "{\"__type\": \"RepositoryNotFoundException\", \"message\": \"The repository with name '"
                        + body.get("repositoryName") + "' does not exist in the registry with id '123456789012'\"}";
            } else if (target.endsWith(".StartLifecyclePolicyPreview")) {
                policiesReceived.add((String) body.get("lifecyclePolicyText"));
                response = "{\"repositoryName\": \"demo-repo\", \"status\": \"IN_PROGRESS\"}";
            } else if (target.endsWith(".GetLifecyclePolicyPreview")) {
                boolean done = polls.incrementAndGet() > 1;
                response = "{\"repositoryName\": \"demo-repo\", \"status\": \"" + (done ? finalStatus : "IN_PROGRESS")
                        + "\", \"lifecyclePolicyText\": " + Json.write(policiesReceived.get(0))
                        + (done ? ", \"previewResults\": [{\"imageDigest\": \"sha256:bbb\", \"imageTags\": [],"
                                + " \"imagePushedAt\": 1767268800, \"action\": {\"type\": \"EXPIRE\"}, "
                                + "\"appliedRulePriority\": 1}, {\"imageDigest\": \"sha256:aaa\", \"imageTags\": "
                                + "[\"v1\"], \"imagePushedAt\": 1767182400, \"action\": {\"type\": \"EXPIRE\"}, "
                                + "\"appliedRulePriority\": 2}], \"summary\": {\"expiringImageTotalCount\": 2}" : "")
                        + "}";
            } else {
                code = 400;
                response = "{\"__type\": \"UnknownOperationException\"}";
            }
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(code, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    CliRun remote(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("lifecycle", "preview", "--remote", "--project-dir",
                project.toString(), "--region", "us-east-1", "--endpoint-url",
                "http://127.0.0.1:" + server.getAddress().getPort()));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void sendsTheDeployedPolicyTextAndPrintsEcrsResultsOldestFirst() {
        CliRun run = remote();
        assertThat(run.exitCode()).as(run.err()).isZero();
        String deployed = LifecyclePolicy.toJson(ConfigReader.read(java.util.Map.of("registry.repositoryName",
                "demo-repo")).deployment().registry().lifecycleRules());
        assertThat(policiesReceived).containsExactly(deployed);
        assertThat(polls.get()).isGreaterThanOrEqualTo(3);
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
    void unknownRepository_isAClearError() {
        CliRun run = remote("--repository", "missing");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("repository not found:", "'missing' does not exist");
    }
}
