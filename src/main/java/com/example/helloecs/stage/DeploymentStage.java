package com.example.helloecs.stage;

import com.example.helloecs.config.Deployment;

import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.constructs.Construct;

/**
 * One deployment of the app as a Stage, for the pipeline: the same {@link DeploymentStacks} that {@code cdk deploy}
 * deploys, under the same construct path, so their templates are identical.
 */
public class DeploymentStage extends Stage {
    public final DeploymentStacks stacks;

    public DeploymentStage(Construct scope, String id, Deployment deployment) {
        super(scope, id, StageProps.builder().env(DeploymentStacks.environment(deployment)).build());
        this.stacks = new DeploymentStacks(this, deployment);
    }
}
