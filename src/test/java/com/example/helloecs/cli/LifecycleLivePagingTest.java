package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live preview reads every DescribeImages page (moto does not paginate; a loopback fake does). */
class LifecycleLivePagingTest {
    @TempDir
    Path project;

    @Test
    void evaluatesImagesFromAllPages() throws Exception {
        Files.writeString(project.resolve("cdk.json"), "{\"context\": {\"registry.repositoryName\": \"demo-repo\", "
                + "\"registry.lifecycleRules\": [{\"rulePriority\": 1, \"selection\": {\"tagStatus\": \"any\", "
                + "\"countType\": \"imageCountMoreThan\", \"countNumber\": 1}, \"action\": {\"type\": \"expire\"}}]}}");
        try (FakeEcr ecr = new FakeEcr().on("DescribeImages", body -> body.get("nextToken") == null
                ? "{\"imageDetails\": [{\"imageDigest\": \"sha256:new\", \"imagePushedAt\": 1767268800}], "
                        + "\"nextToken\": \"page2\"}"
                : "{\"imageDetails\": [{\"imageDigest\": \"sha256:old\", \"imageTags\": [\"x\"], "
                        + "\"imagePushedAt\": 1767182400}]}")) {
            CliRun run = CliRun.run("lifecycle", "preview", "--project-dir", project.toString(), "--region",
                    "us-east-1", "--endpoint-url", ecr.endpoint().toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(ecr.calls).containsExactly("DescribeImages", "DescribeImages");
            assertThat(run.out()).contains("1 image would expire of 2 evaluated.", "sha256:old");
        }
    }
}
