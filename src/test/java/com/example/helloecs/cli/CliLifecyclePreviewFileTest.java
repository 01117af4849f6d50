package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.helloecs.config.Json;

/** {@code lifecycle preview --file}: the configured policy against a describe-images file, without AWS. */
class CliLifecyclePreviewFileTest {
    static final String RULES = "[{\"rulePriority\": 1, \"description\": \"one untagged\", \"selection\": "
            + "{\"tagStatus\": \"untagged\", \"countType\": \"imageCountMoreThan\", \"countNumber\": 1}, "
            + "\"action\": {\"type\": \"expire\"}}, {\"rulePriority\": 2, \"description\": \"old releases\", "
            + "\"selection\": {\"tagStatus\": \"tagged\", \"tagPrefixList\": [\"v\"], \"countType\": "
            + "\"sinceImagePushed\", \"countUnit\": \"days\", \"countNumber\": 30}, \"action\": {\"type\": \"expire\"}}]";

    @TempDir
    Path project;
    Path images;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(project.resolve("cdk.json"), "{\"app\": \"x\", \"context\": {\"app.name\": \"demo\", "
                + "\"registry.repositoryName\": \"demo-repo\", \"registry.lifecycleRules\": " + RULES
                + ", \"environments\": {\"dev\": {\"settings\": {\"registry.repositoryName\": \"dev-repo\"}}}}}");
        images = project.resolve("images.json");
        Files.writeString(images, """
                {"imageDetails": [
                  {"imageDigest": "sha256:aaa", "imagePushedAt": "2026-02-27T12:00:00+00:00"},
                  {"imageDigest": "sha256:bbb", "imagePushedAt": "2026-02-28T12:00:00+00:00"},
                  {"imageDigest": "sha256:ccc", "imageTags": ["v1.0", "latest"], "imagePushedAt": 1767268800.5},
                  {"imageDigest": "sha256:ddd", "imageTags": ["v1.1"], "imagePushedAt": "2026-02-25T12:00:00Z"}
                ]}
                """);
    }

    CliRun preview(String... extra) {
        String[] base = {"lifecycle", "preview", "--project-dir", project.toString(), "--file", images.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(args);
    }

    @Test
    void table_listsExpiringImagesOldestFirstWithRulePriority() {
        CliRun run = preview();
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Lifecycle preview of demo-repo")
                .containsSubsequence("2         2026-01-01 12:00:00   sha256:ccc           v1.0,latest",
                        "1         2026-02-27 12:00:00   sha256:aaa           <untagged>")
                .doesNotContain("sha256:bbb", "sha256:ddd")
                .contains("2 images would expire of 4 evaluated.", "rule 1: 1 (one untagged)",
                        "rule 2: 1 (old releases)");
    }

    @Test
    void json_carriesDigestTagsPushTimeAndRule() throws Exception {
        CliRun run = preview("--json");
        assertThat(run.exitCode()).isZero();
        Object json = Json.parse(run.out());
        assertThat(json).extracting("repository", "imagesEvaluated", "expiringCount")
                .containsExactly("demo-repo", 4, 2);
        assertThat(Json.MAPPER.readTree(run.out()).get("expiring").toString())
                .isEqualTo("[{\"imageDigest\":\"sha256:ccc\",\"imageTags\":[\"v1.0\",\"latest\"],"
                        + "\"imagePushedAt\":\"2026-01-01T12:00:00.500Z\",\"rulePriority\":2,"
                        + "\"ruleDescription\":\"old releases\"},{\"imageDigest\":\"sha256:aaa\",\"imageTags\":[],"
                        + "\"imagePushedAt\":\"2026-02-27T12:00:00Z\",\"rulePriority\":1,"
                        + "\"ruleDescription\":\"one untagged\"}]");
    }

    @Test
    void contextOptions_overrideCdkJsonLikeCdk() {
        String keepAll = "[{\"rulePriority\": 1, \"selection\": {\"tagStatus\": \"any\", \"countType\": "
                + "\"imageCountMoreThan\", \"countNumber\": 10}, \"action\": {\"type\": \"expire\"}}]";
        CliRun run = preview("-c", "registry.lifecycleRules=" + keepAll, "-c", "registry.repositoryName=other");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Lifecycle preview of other", "0 images would expire of 4 evaluated.");
    }

    @Test
    void envOption_selectsTheEnvironmentsSettings() {
        assertThat(preview("--env", "dev").out()).contains("Lifecycle preview of dev-repo");
    }

    @Test
    void invalidConfiguration_isReportedWithExitCode2AndNothingOnStdout() {
        CliRun run = preview("-c", "registry.lifecycleRules=[{\"rulePriority\": 0}]");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Invalid configuration", "registry.lifecycleRules[0].rulePriority");
    }

    @Test
    void missingCdkJson_namesTheFix(@TempDir Path empty) {
        CliRun run = CliRun.run("lifecycle", "preview", "--project-dir", empty.toString(), "--file", images.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(empty.resolve("cdk.json") + " not found", "--project-dir");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"imageDetails\": [ {\"imageDigest\": \"sha256:a\", }]}|not valid JSON at line 1, column",
            "[]|an object with an \"imageDetails\" list",
            "{\"imageDetails\": [{\"imageTags\": []}]}|imageDetails[0].imageDigest: missing",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\"}]}|imageDetails[0].imagePushedAt: missing",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": \"yesterday\"}]}"
                    + "|imageDetails[0].imagePushedAt: \"yesterday\" is not an ISO 8601 time",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imageTags\": [1], \"imagePushedAt\": 1}]}"
                    + "|imageDetails[0].imageTags: expected a list of strings",
            "{\"imageDetails\": [{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": 1}, "
                    + "{\"imageDigest\": \"sha256:a\", \"imagePushedAt\": 2}]}|imageDetails[1].imageDigest: sha256:a "
                    + "appears more than once",
    })
    void malformedFile_namesTheFileAndTheProblem(String caseText) throws IOException {
        String[] parts = caseText.split("\\|");
        Files.writeString(images, parts[0]);
        CliRun run = preview();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("error: " + images + ": ").contains(parts[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n"})
    void emptyFile_saysTheExportFailed(String content) throws IOException {
        Files.writeString(images, content);
        CliRun run = preview();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: " + images + ": empty file: the export that should have written it "
                + "failed").contains(DescribeImagesFile.SAMPLE).doesNotContain("imageDetails");
    }

    /** The sample docs/cli.md points at, with the project's own cdk.json (default rules): 3 tagged, 2 untagged. */
    @Test
    void shippedSample_previewsWithTheProjectsDefaultRules() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        CliRun run = CliRun.run("lifecycle", "preview", "--project-dir", root.toString(),
                "--file", root.resolve(DescribeImagesFile.SAMPLE).toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var expiring = Json.MAPPER.readTree(run.out()).path("expiring");
        assertThat(expiring.findValuesAsText("rulePriority")).containsExactly("2", "2", "2", "1", "1");
        assertThat(expiring.findValues("imageTags").stream().map(Object::toString))
                .containsExactly("[\"v1.0.0\"]", "[\"v1.1.0\"]", "[\"v1.2.0\"]", "[]", "[]");
        CliRun table = CliRun.run("lifecycle", "preview", "--project-dir", root.toString(),
                "--file", root.resolve(DescribeImagesFile.SAMPLE).toString());
        assertThat(table.out()).contains("5 images would expire of 25 evaluated.", "rule 1: 2", "rule 2: 3");
    }

    @Test
    void missingFile_isNamed() {
        CliRun run = CliRun.run("lifecycle", "preview", "--project-dir", project.toString(),
                "--file", project.resolve("absent.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(project.resolve("absent.json") + ": no such file");
    }

    @Test
    void fileAndRemote_areExclusive() {
        CliRun run = preview("--remote");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }
}
