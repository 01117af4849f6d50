package com.example.helloecs.stage;

import com.example.helloecs.config.Deployment;
import com.example.helloecs.config.Names;
import java.util.List;

import com.example.helloecs.stacks.RegistryStack;
import com.example.helloecs.stacks.ReplicaStack;
import com.example.helloecs.stacks.ReplicaStacks;
import com.example.helloecs.stacks.ServiceStack;

import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.DefaultStackSynthesizerProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The stacks of one deployment, created directly under {@code scope}, whose construct ID names them
 * ({@code ID-registry}, {@code ID-service}, and with replication {@code ID-replica-REGION[-ACCOUNT]}).
 *
 * <p>{@code cdk deploy} passes a plain construct under the App: the stacks then sit in the root cloud assembly,
 * so {@code cdk deploy --all} and {@code cdk destroy --all} select them. The pipeline passes a {@link DeploymentStage}.
 * Either way the stacks' construct paths are {@code ID/Registry} and {@code ID/Service}, so their templates are
 * identical and a stack deployed by hand is updated in place by the pipeline. The construct IDs are a contract:
 * renaming one changes the stack's artifact ID.
 *
 * <p>Image delivery: the service stack's synthesizer names the private repository as its image-asset repository, so
 * the CLI (or the pipeline's asset step) pushes the image there, tagged with its asset hash, and the task definition
 * runs it from there. The CLI publishes a stack's assets after the stacks it depends on, hence the dependency on the
 * registry stack; the {@link RegistryFirstSynthesizer} makes the image's build wait for it too.
 */
public final class DeploymentStacks {
    /** Construct ID of the registry stack within its deployment's scope ({@code ID/Registry}). */
    public static final String REGISTRY_ID = "Registry";
    /** Context key of the CDK bootstrap qualifier. */
    public static final String QUALIFIER_CONTEXT = "@aws-cdk/core:bootstrapQualifier";

    /** The deployment's ID: the scope's construct ID, prefix of the stack names. */
    public final String id;
    public final Deployment deployment;
    /** Long-lived: the private repository ({@code ID-registry}). */
    public final RegistryStack registry;
    /** Short-lived: network, cluster, service, load balancer ({@code ID-service}). */
    public final ServiceStack service;
    /** One per replication destination ({@code ID-replica-REGION[-ACCOUNT]}); empty without replication. */
    public final List<ReplicaStack> replicas;

    /** Both stacks under {@code scope} ({@code ID/Registry}, {@code ID/Service}): what {@code cdk deploy} deploys. */
    public DeploymentStacks(Construct scope, Deployment deployment) {
        this(scope, REGISTRY_ID, scope, deployment);
    }

    /**
     * The registry stack as {@code registryScope/registryId} and the service stack as {@code serviceScope/Service}.
     * The pipeline passes the app and {@code ID-registry} for the registry (a top-level stack, which the pipeline
     * stack depends on, so that it exists before the Assets stage publishes the image into it) and its
     * {@link DeploymentStage} for the service. Stacks in different stages cannot depend on each other; the pipeline
     * orders them instead (the registry is deployed with the pipeline stack, before any stage).
     */
    public DeploymentStacks(Construct registryScope, String registryId, Construct serviceScope, Deployment deployment) {
        this.id = serviceScope.getNode().getId();
        this.deployment = deployment;
        Object qualifierContext = serviceScope.getNode().tryGetContext(QUALIFIER_CONTEXT);
        String qualifier = qualifierContext == null ? Names.DEFAULT_QUALIFIER : qualifierContext.toString();
        Environment env = environment(deployment);
        this.registry = new RegistryStack(registryScope, registryId, new RegistryStack.Props(StackProps.builder()
                .env(env)
                .stackName(id + "-registry")
                .description("Private ECR repository of " + id)
                .build(), deployment, id, qualifier));
        boolean sameStage = Stage.of(registryScope) == Stage.of(serviceScope);
        this.service = new ServiceStack(serviceScope, "Service", new ServiceStack.Props(StackProps.builder()
                .env(env)
                .stackName(id + "-service")
                .description("Fargate service behind an Application Load Balancer for " + id)
                .synthesizer(sameStage
                        ? new RegistryFirstSynthesizer(qualifier, deployment.registry().repositoryName(), registry)
                        : new DefaultStackSynthesizer(DefaultStackSynthesizerProps.builder()
                                .qualifier(qualifier)
                                .imageAssetsRepositoryName(deployment.registry().repositoryName())
                                .build()))
                .build(), deployment, Names.executionRoleName(id)));
        if (sameStage) {
            service.addStackDependency(registry, "the image is published into the registry stack's repository");
        }
        // Beside the registry stack (top-level in the pipeline, which deploys them with the pipeline stack).
        this.replicas = sameStage ? ReplicaStacks.create(registryScope, "Replica-", id, deployment)
                : ReplicaStacks.create(registryScope, id + "-replica-", id, deployment);
        for (ReplicaStack replica : replicas) {
            // Replicas exist before replication starts, and on destroy replication stops before they go.
            registry.addStackDependency(replica, "the replication configuration replicates into this stack's repository");
        }
    }

    /** The deployment's account and region, or {@code null} (environment-agnostic) when neither is set. */
    static Environment environment(Deployment deployment) {
        if (deployment.account() == null && deployment.region() == null) {
            return null;
        }
        return Environment.builder().account(deployment.account()).region(deployment.region()).build();
    }
}
