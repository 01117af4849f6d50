package com.example.helloecs.stage;

import com.example.helloecs.config.Deployment;

import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.constructs.Construct;

/**
 * One deployment of the app as a Stage, for the pipeline: the same {@link ServiceStacks} that {@code cdk deploy}
 * deploys, under the same construct path, so their templates are identical.
 */
public class ServiceStage extends Stage {
    public final ServiceStacks stacks;

    public ServiceStage(Construct scope, String id, Deployment deployment) {
        super(scope, id, StageProps.builder().env(ServiceStacks.environment(deployment)).build());
        this.stacks = new ServiceStacks(this, deployment);
    }
}
