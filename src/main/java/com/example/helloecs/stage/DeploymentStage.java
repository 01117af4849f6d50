package com.example.helloecs.stage;

import com.example.helloecs.config.Deployment;

import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.constructs.Construct;

/**
 * One deployment of the app as a Stage, for the pipeline: the same {@link DeploymentStacks} that {@code cdk deploy}
 * deploys, with the same stack names and templates. The stage holds the service stack ({@code ID/Service}, the same
 * construct path as with {@code cdk deploy}); the registry stack is a top-level stack {@code ID-registry} next to
 * the stage (in {@code scope}), which the pipeline stack depends on: CDK Pipelines publishes images in its Assets
 * stage, before any stage deploys, so the repository has to exist by then (docs/pipeline.md).
 */
public class DeploymentStage extends Stage {
    public final DeploymentStacks stacks;

    public DeploymentStage(Construct scope, String id, Deployment deployment) {
        super(scope, id, StageProps.builder().env(DeploymentStacks.environment(deployment)).build());
        // The registry stack's construct ID, at the top level of the app, is its stack name.
        this.stacks = new DeploymentStacks(scope, id + "-registry", this, deployment);
    }
}
