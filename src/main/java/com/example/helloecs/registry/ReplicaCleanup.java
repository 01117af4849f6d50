package com.example.helloecs.registry;

import java.util.List;

import com.example.helloecs.config.Json;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * Deletes the replica of the repository in one destination region when the stack is deleted (with its images:
 * {@code force}), so that {@code cdk destroy} leaves nothing behind. Nothing happens on create or update; a
 * replica that does not exist (nothing was pushed yet) is not an error. Its only permission is
 * {@code ecr:DeleteRepository} on that one replica.
 */
public class ReplicaCleanup extends Construct {
    /** The custom resource whose deletion deletes the replica. */
    public final AwsCustomResource resource;

    public ReplicaCleanup(Construct scope, String id, String repositoryName, String region) {
        super(scope, id);
        this.resource = AwsCustomResource.Builder.create(this, "Resource")
                .resourceType("Custom::EcrReplicaCleanup")
                .installLatestAwsSdk(false)
                .onDelete(AwsSdkCall.builder()
                        .service("ECR")
                        .action("deleteRepository")
                        .parameters(Json.ordered("repositoryName", repositoryName, "force", true))
                        .region(region)
                        .ignoreErrorCodesMatching("RepositoryNotFoundException")
                        .build())
                .policy(AwsCustomResourcePolicy.fromStatements(List.of(PolicyStatement.Builder.create()
                        .effect(Effect.ALLOW)
                        .actions(List.of("ecr:DeleteRepository"))
                        .resources(List.of("arn:" + Aws.PARTITION + ":ecr:" + region + ":" + Aws.ACCOUNT_ID
                                + ":repository/" + repositoryName))
                        .build())))
                .build();
    }
}
