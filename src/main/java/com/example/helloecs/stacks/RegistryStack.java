package com.example.helloecs.stacks;

import com.example.helloecs.config.Deployment;
import com.example.helloecs.config.Names;
import com.example.helloecs.registry.PrivateRepository;
import com.example.helloecs.registry.PrivateRepositoryProps;
import com.example.helloecs.registry.RegistryReplication;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** Long-lived: the private repository and the registry-wide settings this app owns. Deployed before the service. */
public class RegistryStack extends Stack {
    public final PrivateRepository repository;
    /** The registry's replication configuration, or {@code null} when no destination is configured. */
    public final RegistryReplication replication;

    public RegistryStack(Construct scope, String id, StackProps props, Deployment deployment, String stageId,
                         String qualifier) {
        super(scope, id, props);
        this.repository = new PrivateRepository(this, "PrivateRepository", new PrivateRepositoryProps(
                deployment.registry(), Names.executionRoleName(stageId), Names.imagePublishingRoleArn(qualifier)));
        this.replication = deployment.registry().replicates()
                ? new RegistryReplication(this, "Replication", deployment.registry()) : null;
        CfnOutput.Builder.create(this, "RepositoryUri")
                .description("URI of the private ECR repository")
                .value(repository.repository.getRepositoryUri())
                .build();
        CfnOutput.Builder.create(this, "RepositoryArn")
                .description("ARN of the private ECR repository")
                .value(repository.repository.getRepositoryArn())
                .build();
    }
}
