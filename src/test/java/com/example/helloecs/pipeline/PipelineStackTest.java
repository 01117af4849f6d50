package com.example.helloecs.pipeline;

import static com.example.helloecs.support.PipelineFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.config.PipelineConfig;
import com.example.helloecs.support.PipelineFixtures;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Structure of the synthesized pipeline: dev, then prod (another account and region) behind an approval. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineStackTest {
    private Map<String, Object> context;
    private PipelineStack stack;
    private Template template;
    private PipelineTemplate pipeline;

    @BeforeAll
    void synthesize() {
        context = new LinkedHashMap<>(PipelineFixtures.pipelineContext());
        context.put("pipeline.scanGate", "HIGH");
        software.amazon.awscdk.App app = TestApps.app(context);
        stack = (PipelineStack) app.getNode().findChild("hello-ecs-pipeline");
        template = Template.fromStack(stack);
        pipeline = new PipelineTemplate(template);
    }

    @Test
    void pipelineStackIsInThePipelineAccountAndRegion() {
        assertThat(stack.getAccount()).isEqualTo(TOOLS_ACCOUNT);
        assertThat(stack.getRegion()).isEqualTo(REGION);
    }

    @Test
    void sourceIsTheConfiguredConnectionRepositoryAndBranch() {
        template.hasResourceProperties("AWS::CodePipeline::Pipeline", Match.objectLike(Map.of(
                "Stages", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Name", "Source",
                        "Actions", List.of(Match.objectLike(Map.of(
                                "ActionTypeId", Match.objectLike(Map.of("Provider", "CodeStarSourceConnection")),
                                "Configuration", Match.objectLike(Map.of(
                                        "ConnectionArn", CONNECTION_ARN,
                                        "FullRepositoryId", REPOSITORY,
                                        "BranchName", BRANCH))))))))))));
    }

    @Test
    void stagesRunInTheConfiguredOrderAfterSynthSelfMutationAndAssets() {
        assertThat(pipeline.stageNames())
                .containsExactly("Source", "Build", "UpdatePipeline", "Assets", "hello-ecs-dev", "hello-ecs-prod");
    }

    @Test
    void synthInstallsThePinnedCliBuildsWithMavenAndSynthesizesWithTheSameConfiguration() throws Exception {
        List<String> commands = pipeline.commands(pipeline.action("Build", SynthStep.ID), "build");

        assertThat(commands).hasSize(3);
        assertThat(commands.get(0)).isEqualTo("npm ci --no-audit --no-fund");
        assertThat(commands.get(1)).startsWith("mvn ").contains("package");
        assertThat(commands.get(2)).startsWith("npx cdk synth ");
        assertThat(pipeline.buildSpec(pipeline.action("Build", SynthStep.ID)))
                .containsEntry("artifacts", Map.of("base-directory", "cdk.out", "files", "**/*"));

        // The -c flags, read back like the CLI would, give the same pipeline configuration.
        Map<String, Object> flags = new LinkedHashMap<>();
        Matcher m = Pattern.compile("-c '([^=']+)=([^']*)'").matcher(commands.get(2));
        while (m.find()) {
            flags.put(m.group(1), m.group(2));
        }
        assertThat(flags).containsEntry("pipeline.repository", REPOSITORY)
                .containsEntry("pipeline.branch", BRANCH)
                .containsEntry("pipeline.connectionArn", CONNECTION_ARN)
                .containsEntry("pipeline.environments", "dev,prod")
                .containsEntry("pipeline.scanGate", "HIGH");
        Map<String, Object> reread = new LinkedHashMap<>(flags);
        reread.put("environments", PipelineFixtures.environments());
        PipelineConfig expected = TestApps.config(context).pipeline().orElseThrow();
        assertThat(TestApps.config(reread).pipeline()).contains(expected);
    }

    @Test
    void selfMutationUsesThePinnedCliVersion() throws Exception {
        List<String> install = pipeline.commands(pipeline.action("UpdatePipeline", "SelfMutate"), "install");

        assertThat(install).containsExactly("npm install -g aws-cdk@" + CdkCli.pinnedVersion());
    }

    @Test
    void productionWaitsForAManualApprovalBeforeAnyDeployAction() {
        List<Map<String, Object>> prod = pipeline.actions("hello-ecs-prod");
        Map<String, Object> approval = pipeline.action("hello-ecs-prod", "Approve");
        int firstDeploy = prod.stream().filter(a -> "CloudFormation".equals(PipelineTemplate.provider(a)))
                .mapToInt(PipelineTemplate::runOrder).min().orElseThrow();

        assertThat(PipelineTemplate.provider(approval)).isEqualTo("Manual");
        assertThat(PipelineTemplate.runOrder(approval)).isLessThan(firstDeploy);
        assertThat(pipeline.actions("hello-ecs-dev")).extracting(PipelineTemplate::provider).doesNotContain("Manual");
    }

    @Test
    void eachStageDeploysOnlyTheServiceStackWithTheTargetAccountsRole() {
        for (String[] env : new String[][] {{"dev", DEV_ACCOUNT, REGION}, {"prod", PROD_ACCOUNT, PROD_REGION}}) {
            String stage = "hello-ecs-" + env[0];
            Map<String, Object> service = pipeline.action(stage, "service.Deploy");

            assertThat(PipelineTemplate.configuration(service)).containsEntry("StackName", stage + "-service");
            assertThat(pipeline.actions(stage)).extracting(a -> (String) a.get("Name"))
                    .noneMatch(name -> name.startsWith("registry."));
            assertThat(String.valueOf(PipelineTemplate.configuration(pipeline.action(stage, "service.Prepare"))
                    .get("RoleArn"))).contains(":iam::" + env[1] + ":role/cdk-hnb659fds-cfn-exec-role-" + env[1]
                    + "-" + env[2]);
        }
    }

    @Test
    void pipelineStackDependsOnEachRegistryStackSoSelfMutationDeploysThemBeforeTheAssetsStage() throws Exception {
        assertThat(stack.getDependencies()).extracting(s -> s.getStackName())
                .contains("hello-ecs-dev-registry", "hello-ecs-prod-registry");
        List<String> commands = pipeline.commands(pipeline.action("UpdatePipeline", "SelfMutate"), "build");
        // `cdk deploy STACK` deploys STACK's dependencies too; --exclusively would skip them.
        assertThat(commands).singleElement().asString().contains(" deploy hello-ecs-pipeline ")
                .doesNotContain("--exclusively").doesNotContain(" -e ");
    }

    @Test
    void selfMutationMayAssumeTheDeployAndFilePublishingRolesOfTheOtherAccountOnly() {
        // dev (111111111111) and prod (222222222222) are both outside the tools account (333333333333).
        for (String[] env : new String[][] {{DEV_ACCOUNT, REGION}, {PROD_ACCOUNT, PROD_REGION}}) {
            for (String kind : List.of("deploy", "file-publishing")) {
                String role = ":iam::" + env[0] + ":role/cdk-hnb659fds-" + kind + "-role-" + env[0] + "-" + env[1];
                template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of(
                        "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                                Match.objectLike(Map.of("Action", "sts:AssumeRole",
                                        "Resource", Match.arrayWith(List.of(Map.of("Fn::Join", List.of("",
                                                List.of("arn:", Map.of("Ref", "AWS::Partition"), role))))))))))))));
            }
        }
    }

    @Test
    void smokeTestRunsAfterEachDeploymentWithTheServiceUrlOutput() throws Exception {
        for (String stage : List.of("hello-ecs-dev", "hello-ecs-prod")) {
            Map<String, Object> deploy = pipeline.action(stage, "service.Deploy");
            Map<String, Object> smoke = pipeline.action(stage, SmokeTest.ID);

            assertThat(PipelineTemplate.provider(smoke)).isEqualTo("CodeBuild");
            assertThat(PipelineTemplate.runOrder(smoke)).isGreaterThan(PipelineTemplate.runOrder(deploy));
            assertThat(PipelineTemplate.environmentVariables(smoke))
                    .containsEntry(SmokeTest.URL_VARIABLE, "#{" + deploy.get("Namespace") + ".ServiceUrl}");
            List<String> commands = pipeline.commands(smoke, "build");
            assertThat(commands).containsExactlyElementsOf(SmokeTest.commands(30, 10));
            assertThat(commands.get(0)).contains("seq 1 30", "sleep 10", "curl ", "\"$SERVICE_URL\"",
                    "\"$status\" = 200", "grep -q 'Hello From ECS'");
        }
    }

    @Test
    void scanGateRunsAfterTheSmokeTestWithTheConfiguredSeverity() throws Exception {
        for (String stage : List.of("hello-ecs-dev", "hello-ecs-prod")) {
            Map<String, Object> gate = pipeline.action(stage, ScanGate.ID);

            assertThat(PipelineTemplate.runOrder(gate))
                    .isGreaterThan(PipelineTemplate.runOrder(pipeline.action(stage, SmokeTest.ID)));
            String account = stage.endsWith("dev") ? PipelineFixtures.DEV_ACCOUNT : PipelineFixtures.PROD_ACCOUNT;
            assertThat(pipeline.commands(gate, "build")).singleElement().asString()
                    .startsWith("./bin/hello-ecs scan findings --fail-on 'HIGH' --env '" + stage.substring("hello-ecs-".length())
                            + "' --cdk-out cdk.out --registry-id '" + account + "' --repository 'hello-ecs' --region ")
                    // dev and prod are outside the tools account: the gate reads through their lookup roles.
                    .endsWith(" --role-arn 'arn:aws:iam::" + account + ":role/cdk-hnb659fds-lookup-role-" + account
                            + "-" + (stage.endsWith("dev") ? REGION : PROD_REGION) + "'");
        }
    }

    @Test
    void crossAccountStagesGetAnEncryptedArtifactBucketWithRotatingKey() {
        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("BucketEncryption",
                Match.objectLike(Map.of("ServerSideEncryptionConfiguration", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("ServerSideEncryptionByDefault",
                                Match.objectLike(Map.of("SSEAlgorithm", "aws:kms")))))))))));
    }

    @Test
    void aPipelineDeployingToAnotherRegionHasNoUnacknowledgedFinding() {
        // prod is in eu-central-1: CodePipeline adds a support stack with a regional artifact bucket there.
        software.amazon.awscdk.App app = TestApps.app(context);
        com.example.helloecs.compliance.ComplianceChecks.addTo(app,
                com.example.helloecs.config.ConfigReader.read(com.example.helloecs.App.context(app)).packs());
        assertThat(com.example.helloecs.compliance.ComplianceChecks.findings(app.synth())).isEmpty();
    }
}
