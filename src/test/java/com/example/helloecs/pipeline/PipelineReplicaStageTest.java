package com.example.helloecs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.example.helloecs.support.PipelineFixtures;
import com.example.helloecs.support.TestApps;

import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** With replication, each pipeline stage deploys its replica stacks too, before its registry stack. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineReplicaStageTest {
    private CloudAssembly root;

    @BeforeAll
    void synth() {
        Map<String, Object> context = new java.util.LinkedHashMap<>(PipelineFixtures.pipelineContext());
        context.put("registry.replicationRegions", List.of("us-east-1"));
        root = TestApps.app(context).synth();
    }

    @Test
    void theReplicaStackIsTopLevelInItsRegionAndTheRegistryDependsOnIt() {
        // Beside the top-level registry stack, which the pipeline stack depends on: both are deployed by
        // `cdk deploy --all` and the self-mutation, before any stage (and stacks of different stages cannot
        // depend on each other).
        CloudFormationStackArtifact replica = root.getStackByName("hello-ecs-dev-replica-us-east-1");
        assertThat(replica.getEnvironment().getRegion()).isEqualTo("us-east-1");
        assertThat(replica.getEnvironment().getAccount()).isEqualTo(PipelineFixtures.DEV_ACCOUNT);
        assertThat(root.getStackByName("hello-ecs-dev-registry").getDependencies()).extracting(a -> a.getId())
                .contains(replica.getId());
    }
}
