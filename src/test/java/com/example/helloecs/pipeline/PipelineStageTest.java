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
 * The stacks the pipeline deploys are the ones {@code cdk deploy -c env=dev} deploys: same stack names and
 * environment, same templates (so a stack deployed by hand is updated in place by the pipeline). The service stack
 * has the same construct path ({@code hello-ecs-dev/Service}, in the stage); the registry stack is a top-level stack
 * {@code hello-ecs-dev-registry} that the pipeline stack depends on, deployed by {@code cdk deploy --all} and by
 * self-mutation, before the Assets stage, and by no stage (one owner per stack).
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
    void deployAllSelectsThePipelineAndRegistryStacksAndTheStagesHoldOnlyTheServiceStacks() {
        CloudAssembly assembly = pipelineApp.synth();

        // The pipeline stack, the replication support stack CodePipeline adds for prod's other region, and each
        // environment's registry stack (under its stack name, so `cdk deploy hello-ecs-dev-registry` selects it).
        assertThat(assembly.getStacks()).extracting(s -> s.getHierarchicalId() + " " + s.getStackName())
                .containsExactlyInAnyOrder("hello-ecs-pipeline hello-ecs-pipeline",
                        "cross-region-stack-333333333333:eu-central-1 hello-ecs-pipeline-support-eu-central-1",
                        "hello-ecs-dev-registry hello-ecs-dev-registry",
                        "hello-ecs-prod-registry hello-ecs-prod-registry");
        assertThat(assembly.getStackByName("hello-ecs-pipeline").getDependencies())
                .extracting(a -> a.getId()).contains(assembly.getStackByName("hello-ecs-dev-registry").getId(),
                        assembly.getStackByName("hello-ecs-prod-registry").getId());
        for (String stage : List.of("hello-ecs-dev", "hello-ecs-prod")) {
            assertThat(assembly.getNestedAssembly("assembly-" + stage).getStacks())
                    .extracting(s -> s.getHierarchicalId() + " " + s.getStackName())
                    .containsExactly(stage + "/Service " + stage + "-service");
        }
    }

    @Test
    void pipelineDeploysTheServiceStackUnderTheSameConstructPathAndTheRegistryStackAtTheTopLevel() {
        assertThat(fromPipeline.registry.getNode().getPath()).isEqualTo("hello-ecs-dev-registry");
        assertThat(fromCdkDeploy.registry.getNode().getPath()).isEqualTo("hello-ecs-dev/Registry");
        assertThat(fromPipeline.service.getNode().getPath()).isEqualTo(fromCdkDeploy.service.getNode().getPath())
                .isEqualTo("hello-ecs-dev/Service");
        assertThat(fromPipeline.service.getNode().getScope()).isInstanceOf(DeploymentStage.class);
        assertThat(fromPipeline.registry.getNode().getScope()).isSameAs(pipelineApp);
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
        // Stacks in different stages cannot depend on each other: the pipeline orders them (registry first).
        assertThat(fromPipeline.service.getDependencies()).doesNotContain(fromPipeline.registry);
        assertThat(fromCdkDeploy.service.getDependencies()).contains(fromCdkDeploy.registry);
    }

    @Test
    void stacksSynthesizeToTheSameTemplates() {
        assertThat(Template.fromStack(fromPipeline.registry).toJSON())
                .isEqualTo(Template.fromStack(fromCdkDeploy.registry).toJSON());
        assertThat(Template.fromStack(fromPipeline.service).toJSON())
                .isEqualTo(Template.fromStack(fromCdkDeploy.service).toJSON());
    }
}
