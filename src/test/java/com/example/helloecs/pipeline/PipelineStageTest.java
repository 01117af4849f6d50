package com.example.helloecs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.stage.DeploymentStacks;
import com.example.helloecs.stage.DeploymentStage;
import com.example.helloecs.support.PipelineFixtures;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.pipelines.StageDeployment;
import software.amazon.awscdk.pipelines.Step;
import software.constructs.IConstruct;

/**
 * The stacks the pipeline deploys are the ones {@code cdk deploy -c env=dev} deploys: same construct paths, same
 * stack names and environment, same templates (so a stack deployed by hand is updated in place by the pipeline);
 * only their place in the cloud assembly differs (a Stage, there; top level, here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineStageTest {
    private software.amazon.awscdk.App pipelineApp;
    private DeploymentStacks fromPipeline;
    private DeploymentStacks fromCdkDeploy;

    @BeforeAll
    void build() {
        pipelineApp = TestApps.app(PipelineFixtures.pipelineContext());
        PipelineStack stack = (PipelineStack) pipelineApp.getNode().findChild("hello-ecs-pipeline");
        fromPipeline = stack.stages.get(0).stacks;
        fromCdkDeploy = TestApps.stacks(Map.of("environments", PipelineFixtures.environments(), "env", "dev"));
    }

    @Test
    void withTheScanGateOffEachStageHasOnlyTheSmokeTestAfterItAndProdAloneWaitsForApproval() {
        PipelineStack stack = (PipelineStack) pipelineApp.getNode().findChild("hello-ecs-pipeline");
        List<StageDeployment> deployments = stack.pipeline.getWaves().stream()
                .flatMap(w -> w.getStages().stream()).toList();

        assertThat(deployments).extracting(StageDeployment::getStageName)
                .containsExactly("hello-ecs-dev", "hello-ecs-prod");
        for (StageDeployment d : deployments) {
            assertThat(d.getPost()).extracting(Step::getId).containsExactly(SmokeTest.ID);
        }
        assertThat(deployments.get(0).getPre()).isEmpty();
        assertThat(deployments.get(1).getPre()).extracting(Step::getId).containsExactly("Approve");
    }

    @Test
    void withAPipelineTheAppHoldsThePipelineStackAndTheStagesItDeploys() {
        List<IConstruct> children = pipelineApp.getNode().getChildren();

        assertThat(children).filteredOn(c -> c instanceof PipelineStack).hasSize(1);
        assertThat(children).filteredOn(c -> c instanceof DeploymentStage).extracting(c -> c.getNode().getId())
                .containsExactly("hello-ecs-dev", "hello-ecs-prod");
    }

    @Test
    void deployAllSelectsThePipelineStacksAndTheStagesHoldTheDeploymentStacks() {
        CloudAssembly assembly = pipelineApp.synth();

        // The pipeline stack, and the replication support stack CodePipeline adds for prod's other region.
        assertThat(assembly.getStacks()).extracting(s -> s.getStackName())
                .containsExactlyInAnyOrder("hello-ecs-pipeline", "hello-ecs-pipeline-support-eu-central-1");
        assertThat(assembly.getNestedAssembly("assembly-hello-ecs-dev").getStacks())
                .extracting(s -> s.getHierarchicalId() + " " + s.getStackName())
                .containsExactlyInAnyOrder("hello-ecs-dev/Registry hello-ecs-dev-registry",
                        "hello-ecs-dev/Service hello-ecs-dev-service");
    }

    @Test
    void pipelineDeploysTheSameStacksUnderTheSameConstructPaths() {
        assertThat(fromPipeline.registry.getNode().getPath()).isEqualTo(fromCdkDeploy.registry.getNode().getPath())
                .isEqualTo("hello-ecs-dev/Registry");
        assertThat(fromPipeline.service.getNode().getPath()).isEqualTo(fromCdkDeploy.service.getNode().getPath())
                .isEqualTo("hello-ecs-dev/Service");
        assertThat(fromPipeline.registry.getNode().getScope()).isInstanceOf(DeploymentStage.class);
        assertThat(fromCdkDeploy.registry.getNode().getScope()).isNotInstanceOf(software.amazon.awscdk.Stage.class);
        assertThat(fromPipeline.deployment).isEqualTo(fromCdkDeploy.deployment);
    }

    @Test
    void stacksHaveTheSameNamesAndEnvironmentSoThePipelineTakesOverStacksDeployedByHand() {
        for (Stack[] pair : new Stack[][] {{fromPipeline.registry, fromCdkDeploy.registry},
                {fromPipeline.service, fromCdkDeploy.service}}) {
            assertThat(pair[0].getStackName()).isEqualTo(pair[1].getStackName());
            assertThat(pair[0].getAccount()).isEqualTo(pair[1].getAccount()).isEqualTo(PipelineFixtures.DEV_ACCOUNT);
            assertThat(pair[0].getRegion()).isEqualTo(pair[1].getRegion()).isEqualTo(PipelineFixtures.REGION);
        }
        assertThat(fromPipeline.service.getDependencies()).contains(fromPipeline.registry);
    }

    @Test
    void stacksSynthesizeToTheSameTemplates() {
        assertThat(Template.fromStack(fromPipeline.registry).toJSON())
                .isEqualTo(Template.fromStack(fromCdkDeploy.registry).toJSON());
        assertThat(Template.fromStack(fromPipeline.service).toJSON())
                .isEqualTo(Template.fromStack(fromCdkDeploy.service).toJSON());
    }
}
