package com.example.helloecs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.helloecs.pipeline.PipelineStack;
import com.example.helloecs.support.PipelineFixtures;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.Token;

/** What {@code cdk deploy} gets with and without {@code -c env=NAME} (constructs only, no synthesis). */
class EnvironmentStageTest {

    @Test
    void withoutEnvTheStageIsEnvironmentAgnostic() {
        DeploymentStacks stage = TestApps.stacks(Map.of("environments", PipelineFixtures.environments()));
        software.amazon.awscdk.App app = TestApps.appOf(stage);

        assertThat(stage.id).isEqualTo("hello-ecs");
        assertThat(Token.isUnresolved(stage.service.getAccount())).isTrue();
        assertThat(Token.isUnresolved(stage.registry.getRegion())).isTrue();
        assertThat(app.getNode().getChildren()).noneMatch(c -> c instanceof PipelineStack);
    }

    @Test
    void envSelectsTheStageIdAccountRegionAndOverrides() {
        DeploymentStacks stage = TestApps.stacks(Map.of("environments", PipelineFixtures.environments(), "env", "prod"));

        assertThat(stage.id).isEqualTo("hello-ecs-prod");
        assertThat(stage.service.getAccount()).isEqualTo(PipelineFixtures.PROD_ACCOUNT);
        assertThat(stage.service.getRegion()).isEqualTo(PipelineFixtures.PROD_REGION);
        assertThat(stage.registry.getStackName()).isEqualTo("hello-ecs-prod-registry");
        assertThat(stage.service.getStackName()).isEqualTo("hello-ecs-prod-service");
        assertThat(stage.deployment.settings().get(com.example.helloecs.config.Settings.DESIRED_COUNT)).isEqualTo(3);
    }
}
