package com.example.helloecs.stage;

import com.example.helloecs.compliance.RedundantDependencies;
import com.example.helloecs.config.Deployment;
import com.example.helloecs.config.Names;
import com.example.helloecs.stacks.RegistryStack;
import com.example.helloecs.stacks.ServiceStack;

import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * One deployment of the app: the registry stack and the service stack. {@code cdk deploy} and the pipeline
 * deploy this same class.
 *
 * <p>Image delivery: the service stack's synthesizer names the private repository as its image-asset repository,
 * so the CLI (or the pipeline's asset step) pushes the image there, tagged with its asset hash, and the task
 * definition runs it from there. The CLI publishes a stack's assets only after the stacks it depends on are
 * deployed, hence the dependency on the registry stack.
 */
public class ServiceStage extends Stage {
    /** Context key of the CDK bootstrap qualifier. */
    public static final String QUALIFIER_CONTEXT = "@aws-cdk/core:bootstrapQualifier";

    public final Deployment deployment;
    public final RegistryStack registry;
    public final ServiceStack service;

    public ServiceStage(Construct scope, String id, Deployment deployment) {
        super(scope, id, StageProps.builder().env(environment(deployment)).build());
        this.deployment = deployment;
        Object qualifierContext = getNode().tryGetContext(QUALIFIER_CONTEXT);
        String qualifier = qualifierContext == null ? Names.DEFAULT_QUALIFIER : qualifierContext.toString();
        this.registry = new RegistryStack(this, "Registry", StackProps.builder()
                .stackName(id + "-registry")
                .description("Private ECR repository of " + id)
                .build(), deployment, id, qualifier);
        this.service = new ServiceStack(this, "Service", StackProps.builder()
                .stackName(id + "-service")
                .description("Fargate service behind an Application Load Balancer for " + id)
                .synthesizer(DefaultStackSynthesizer.Builder.create()
                        .qualifier(qualifier)
                        .imageAssetsRepositoryName(deployment.registry().repositoryName())
                        .build())
                .build(), deployment, Names.executionRoleName(id));
        service.addStackDependency(registry, "the image is published into the registry stack's repository");
        RedundantDependencies.removeFrom(registry);
        RedundantDependencies.removeFrom(service);
    }

    private static Environment environment(Deployment deployment) {
        if (deployment.account() == null && deployment.region() == null) {
            return null;
        }
        return Environment.builder().account(deployment.account()).region(deployment.region()).build();
    }
}
