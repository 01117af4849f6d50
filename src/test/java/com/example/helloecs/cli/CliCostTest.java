package com.example.helloecs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.helloecs.config.Json;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code cost} on hand-written minimal assemblies (src/test/resources/cost): a default-like deployment (top-level
 * stacks), two NAT gateways (a pipeline stage's nested assembly), Spot + arm64 (a plain app's stack). Every figure is
 * us-east-1 list price x 730 hours, rounded to cents per line.
 */
class CliCostTest {
    static final Path FIXTURES = Path.of("src/test/resources/cost");

    static JsonNode json(String fixture, String stage, String... more) throws Exception {
        String[] args = new String[6 + more.length];
        args[0] = "cost";
        args[1] = "--cdk-out";
        args[2] = FIXTURES.resolve(fixture).toString();
        args[3] = "--stage";
        args[4] = stage;
        args[5] = "--json";
        System.arraycopy(more, 0, args, 6, more.length);
        CliRun run = CliRun.run(args);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).as("plain numbers, no exponent").doesNotContainPattern(":-?\\d+(\\.\\d+)?[eE]");
        return Json.MAPPER.readTree(run.out());
    }

    /** Monthly USD by "resource id" (id without the stack). */
    static Map<String, BigDecimal> lines(JsonNode estimate) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (JsonNode l : estimate.path("lines")) {
            String id = l.path("id").isNull() ? "" : " " + l.path("id").asText().replaceFirst(".*/", "");
            out.put(l.path("resource").asText() + id, l.path("monthlyUsd").decimalValue().setScale(2));
        }
        return out;
    }

    @Test
    void defaultLike_twoPublicTasks_albInTwoAzs_noNat() throws Exception {
        JsonNode e = json("default", "hello-ecs");
        assertThat(lines(e)).containsOnly(
                Map.entry("ALB hours Alb", new BigDecimal("16.43")),                      // 730 x 0.0225
                Map.entry("ALB LCUs (assumed 1/hour) Alb", new BigDecimal("5.84")),       // 730 x 0.008
                Map.entry("ALB public IPv4 (2 AZs) Alb", new BigDecimal("7.30")),          // 2 x 730 x 0.005
                Map.entry("Fargate vCPU (x86_64, 2 tasks) Service", new BigDecimal("14.78")),   // 2 x 0.25 x 730 x 0.04048
                Map.entry("Fargate memory (x86_64, 2 tasks) Service", new BigDecimal("3.24")),  // 2 x 0.5 x 730 x 0.004445
                Map.entry("Task public IPv4 (2 tasks) Service", new BigDecimal("7.30")),   // 2 x 730 x 0.005
                Map.entry("Logs ingestion (assumed) Logs", new BigDecimal("0.50")),        // 1 GB x 0.50
                Map.entry("Logs storage (30-day retention) Logs", new BigDecimal("0.03")), // 720/730 GB x 0.03
                Map.entry("ECR storage (20 images x 60 MB) Repo", new BigDecimal("0.12")), // 1.171875 GB x 0.10
                Map.entry("KMS customer managed key Key", new BigDecimal("1.00")),
                Map.entry("Container Insights metrics Cluster", new BigDecimal("11.10"))); // 37 x 0.30
        assertThat(e.path("totalUsd").decimalValue()).isEqualByComparingTo("67.64");
        assertThat(e.path("region").isNull()).isTrue();
        assertThat(e.path("notes").toString()).contains("environment-agnostic").contains("us-east-1 list prices");
    }

    @Test
    void twoNatGateways_inAPipelineStage() throws Exception {
        JsonNode e = json("nat", "hello-ecs-dev");
        Map<String, BigDecimal> lines = lines(e);
        assertThat(lines).containsEntry("NAT gateway hours NatA", new BigDecimal("32.85"))   // 730 x 0.045
                .containsEntry("NAT gateway hours NatB", new BigDecimal("32.85"))
                .containsEntry("NAT data processed (assumed, all gateways)", new BigDecimal("0.45")) // 10 GB x 0.045
                .containsEntry("NAT Elastic IP EipA", new BigDecimal("3.65"))                  // 730 x 0.005
                .containsEntry("NAT Elastic IP EipB", new BigDecimal("3.65"))
                .containsEntry("Logs storage (7-day retention) Logs", new BigDecimal("0.01"))  // 168/730 GB x 0.03
                .doesNotContainKey("Task public IPv4 (2 tasks) Service");
        assertThat(lines).hasSize(13);
        assertThat(e.path("totalUsd").decimalValue()).isEqualByComparingTo("121.67");
        assertThat(e.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(e.path("notes").toString())
                .contains("The stacks deploy to eu-west-1: figures are us-east-1 list prices")
                .contains("without a count limit; assumed 20 images (--images)")
                .contains("no containerInsights setting, so the account's default applies");
    }

    @Test
    void twoNatGateways_assumptionFlagsChangeOnlyTheirLines() throws Exception {
        JsonNode e = json("nat", "hello-ecs-dev", "--nat-gb", "100", "--lcu", "2", "--images", "10");
        Map<String, BigDecimal> lines = lines(e);
        assertThat(lines).containsEntry("NAT data processed (assumed, all gateways)", new BigDecimal("4.50"))
                .containsEntry("ALB LCUs (assumed 2/hour) Alb", new BigDecimal("11.68"))
                .containsEntry("ECR storage (10 images x 60 MB) Repo", new BigDecimal("0.06")); // 0.5859375 GB
        // 121.67 + 5.84 more LCUs + 4.05 more NAT data - 0.06 fewer images
        assertThat(e.path("totalUsd").decimalValue()).isEqualByComparingTo("131.50");
    }

    @Test
    void spotAndArm64_baseTaskOnDemand_restOnSpot_enhancedInsights() throws Exception {
        JsonNode e = json("spot-arm64", "spotty");
        assertThat(lines(e)).containsOnly(
                Map.entry("ALB hours Alb", new BigDecimal("16.43")),
                Map.entry("ALB LCUs (assumed 1/hour) Alb", new BigDecimal("5.84")),
                Map.entry("ALB public IPv4 (3 AZs) Alb", new BigDecimal("10.95")),                 // 3 x 730 x 0.005
                Map.entry("Fargate vCPU (arm64, 1 task) Service", new BigDecimal("11.82")),         // 0.5 x 730 x 0.03238
                Map.entry("Fargate memory (arm64, 1 task) Service", new BigDecimal("2.60")),        // 1 x 730 x 0.00356
                Map.entry("Fargate vCPU (Spot, arm64, 2 tasks) Service", new BigDecimal("7.79")),   // 730 x 0.01067116
                Map.entry("Fargate memory (Spot, arm64, 2 tasks) Service", new BigDecimal("1.71")), // 1460 x 0.00117324
                Map.entry("Task public IPv4 (3 tasks) Service", new BigDecimal("10.95")),
                Map.entry("Logs ingestion (assumed) Logs", new BigDecimal("0.50")),
                Map.entry("Logs storage (never expire) Logs", new BigDecimal("0.36")),              // 12 GB after a year
                Map.entry("Container Insights metrics (enhanced) Cluster", new BigDecimal("6.79"))); // 97 x 0.07
        assertThat(e.path("totalUsd").decimalValue()).isEqualByComparingTo("75.74");
        assertThat(e.path("notes").toString()).doesNotContain("figures are us-east-1").contains("never expire");
    }

    @Test
    void table_hasEveryLineAndTheTotal() {
        CliRun run = CliRun.run("cost", "--cdk-out", FIXTURES.resolve("default").toString(), "--stage", "hello-ecs");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("RESOURCE", "QUANTITY", "UNIT PRICE", "MONTHLY USD")
                .containsPattern("ALB hours +Alb +730 ALB-hour +\\$0\\.0225 +16\\.43")
                .containsPattern("TOTAL +67\\.64")
                .contains("figures are us-east-1 list prices");
    }

    @Test
    void stageDefaultsToTheConfiguredDeployment(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("cdk.json"), "{\"context\": {\"environments\": {\"dev\": "
                + "{\"account\": \"111111111111\", \"region\": \"eu-west-1\"}}}}");
        CliRun plain = CliRun.run("cost", "--project-dir", project.toString(), "--cdk-out",
                FIXTURES.resolve("default").toString(), "--json");
        assertThat(plain.exitCode()).isZero();
        assertThat(Json.MAPPER.readTree(plain.out()).path("stage").asText()).isEqualTo("hello-ecs");
        CliRun dev = CliRun.run("cost", "--project-dir", project.toString(), "--env", "dev", "--cdk-out",
                FIXTURES.resolve("nat").toString(), "--json");
        assertThat(dev.exitCode()).isZero();
        assertThat(Json.MAPPER.readTree(dev.out()).path("totalUsd").decimalValue()).isEqualByComparingTo("121.67");
    }

    @Test
    void noCdkOut_saysToSynthesize(@TempDir Path empty) {
        CliRun run = CliRun.run("cost", "--cdk-out", empty.resolve("cdk.out").toString(), "--stage", "hello-ecs");
        assertThat(run.exitCode()).isEqualTo(CliErrors.ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("error: no synthesized cloud assembly at").contains("run `npx cdk synth`");
        assertThatThrownBy(() -> StageTemplates.find(empty, "hello-ecs"))
                .isInstanceOf(UserError.class).hasMessageContaining("npx cdk synth");
    }

    @Test
    void unknownStage_namesTheDeploymentsThere() {
        assertThatThrownBy(() -> StageTemplates.find(FIXTURES.resolve("nat"), "hello-ecs-prod"))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("deployment hello-ecs-prod is not in the cloud assembly")
                .hasMessageContaining("it holds hello-ecs-pipeline, hello-ecs-dev")
                .hasMessageContaining("--stage");
    }

    @Test
    void unknownOption_isAUsageError() {
        CliRun run = CliRun.run("cost", "--lcus", "2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Unknown options: '--lcus'").contains("Possible solutions: --lcu");
    }

    @Test
    void negativeAssumption_isRejected() {
        CliRun run = CliRun.run("cost", "--cdk-out", FIXTURES.resolve("default").toString(), "--stage", "hello-ecs",
                "--log-gb", "-1");
        assertThat(run.exitCode()).isEqualTo(CliErrors.ERROR);
        assertThat(run.err()).contains("error: assumed usage must not be negative: -1");
    }
}
